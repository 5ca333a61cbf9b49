using System.Text.Json;

namespace AgCc.LocalStack;

/// <summary>
/// The silo and dashboard assemblies the local stack runs. The build writes their paths to
/// `agcc.binaries.json` beside every program that launches them (build/StackBinaries.targets).
/// </summary>
public sealed record StackBinaries(string Silo, string Dashboard, string? Cli = null)
{
    public const string FileName = "agcc.binaries.json";

    public static StackBinaries Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, FileName);
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path} is missing: build the project that launches the stack (it writes this file)");
        var binaries = JsonSerializer.Deserialize<StackBinaries>(File.ReadAllText(path), JsonDefaults.Options)
            ?? throw new InvalidOperationException($"{path} is empty");
        foreach (var (role, assembly) in new[] { ("silo", binaries.Silo), ("dashboard", binaries.Dashboard) })
        {
            if (!File.Exists(assembly))
                throw new InvalidOperationException($"{path}: the {role} assembly {assembly} does not exist; rebuild");
        }
        return binaries;
    }

    /// <summary>The `dotnet` host that runs framework-dependent assemblies.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
