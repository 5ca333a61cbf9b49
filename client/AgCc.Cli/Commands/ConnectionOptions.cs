using System.CommandLine;
using AgCc.Client;
using AgCc.Hosting;
using AgCc.LocalStack;

namespace AgCc.Cli.Commands;

/// <summary>
/// How a command finds the cluster: --connection-string, else the AgCc__Storage__ConnectionString
/// environment variable, else the stack that `agcc up` recorded in AGCC_HOME/stack.json.
/// </summary>
public static class ConnectionOptions
{
    public static readonly Option<string?> ConnectionString = new("--connection-string")
    {
        Description = "Azure Storage connection string of the cluster (default: the running `agcc up` stack)",
        Recursive = true,
    };

    public static readonly Option<string?> ClusterId = new("--cluster-id")
    {
        Description = "Orleans cluster id (default: the running stack's, else " + AgCcSettings.DefaultClusterId + ")",
        Recursive = true,
    };

    public static AgCcSettings Resolve(ParseResult parse)
    {
        var explicitConnection = parse.GetValue(ConnectionString)
            ?? Environment.GetEnvironmentVariable(AgCcSettings.EnvironmentName(AgCcSettings.StorageConnectionStringKey));
        var explicitCluster = parse.GetValue(ClusterId)
            ?? Environment.GetEnvironmentVariable(AgCcSettings.EnvironmentName(AgCcSettings.ClusterIdKey));
        if (explicitConnection is { Length: > 0 })
            return new AgCcSettings(explicitConnection, explicitCluster ?? AgCcSettings.DefaultClusterId, AgCcSettings.DefaultServiceId);

        var home = AgCcHome.Resolve();
        var stack = StackState.TryLoad(home)
            ?? throw new CliException($"no running stack is recorded in {StackState.PathIn(home)}: start one with `./agcc up`, or pass --connection-string");
        return new AgCcSettings(stack.StorageConnectionString, explicitCluster ?? stack.ClusterId, stack.ServiceId);
    }

    public static async Task<AgCcClient> ConnectAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var settings = Resolve(parse);
        try
        {
            return await AgCcClient.ConnectAsync(settings, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new CliException($"cannot reach cluster '{settings.ClusterId}': {e.Message}");
        }
    }
}
