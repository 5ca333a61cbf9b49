using Microsoft.Extensions.Configuration;

namespace AgCc.Hosting;

/// <summary>
/// The settings every AgCc process reads, from the `AgCc` configuration section
/// (appsettings.json, or environment variables such as `AgCc__Storage__ConnectionString`).
/// </summary>
public sealed record AgCcSettings(string StorageConnectionString, string ClusterId, string ServiceId)
{
    public const string Section = "AgCc";
    public const string StorageConnectionStringKey = "AgCc:Storage:ConnectionString";
    public const string ClusterIdKey = "AgCc:Cluster:ClusterId";
    public const string ServiceIdKey = "AgCc:Cluster:ServiceId";

    public const string DefaultClusterId = "agcc-local";
    public const string DefaultServiceId = "agcc";

    /// <summary>Reads and validates the settings; the error names each setting at fault.</summary>
    public static AgCcSettings Read(IConfiguration configuration)
    {
        var problems = new List<string>();
        var connectionString = configuration[StorageConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
            problems.Add($"{StorageConnectionStringKey} is not set (environment variable {EnvironmentName(StorageConnectionStringKey)})");

        var clusterId = configuration[ClusterIdKey] ?? DefaultClusterId;
        var serviceId = configuration[ServiceIdKey] ?? DefaultServiceId;
        if (string.IsNullOrWhiteSpace(clusterId)) problems.Add($"{ClusterIdKey} is empty");
        if (string.IsNullOrWhiteSpace(serviceId)) problems.Add($"{ServiceIdKey} is empty");

        if (problems.Count > 0) throw new InvalidOperationException("invalid configuration: " + string.Join("; ", problems));
        return new AgCcSettings(connectionString!, clusterId, serviceId);
    }

    /// <summary>`AgCc:Storage:ConnectionString` → `AgCc__Storage__ConnectionString`.</summary>
    public static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>The same settings as environment variables, for starting another AgCc process.</summary>
    public IReadOnlyDictionary<string, string> ToEnvironment() => new Dictionary<string, string>
    {
        [EnvironmentName(StorageConnectionStringKey)] = StorageConnectionString,
        [EnvironmentName(ClusterIdKey)] = ClusterId,
        [EnvironmentName(ServiceIdKey)] = ServiceId,
    };
}
