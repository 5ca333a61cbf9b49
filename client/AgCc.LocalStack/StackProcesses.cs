using AgCc.Hosting;

namespace AgCc.LocalStack;

/// <summary>Starts the stack's .NET processes (silos, dashboard) with the shared settings.</summary>
public sealed class StackProcesses(StackBinaries binaries, AgCcSettings settings, string logFolder,
    IReadOnlyDictionary<string, string>? extraEnvironment = null)
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    public AgCcSettings Settings => settings;

    public async Task<ManagedProcess> StartSiloAsync(SiloLaunch launch, CancellationToken cancellationToken = default)
    {
        var process = Start($"silo {launch.Name}", [binaries.Silo], Merge(launch.Environment), $"silo-{launch.Name}.log", launch.Core);
        await AwaitReadyOrStop(process, cancellationToken);
        return process;
    }

    /// <summary>
    /// Starts the dashboard on <paramref name="host"/> (127.0.0.1 unless asked; any other address
    /// needs a sign-in configured, or the dashboard refuses to start) and <paramref name="port"/>
    /// (0: any free port); returns it with its address.
    /// </summary>
    public async Task<(ManagedProcess Process, Uri Address)> StartDashboardAsync(int port, string host = "127.0.0.1", CancellationToken cancellationToken = default)
    {
        var authority = host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;
        var process = Start(
            "dashboard", [binaries.Dashboard, "--urls", $"http://{authority}:{port}"], Merge(new Dictionary<string, string>()), "dashboard.log");
        var line = await AwaitReadyOrStop(process, cancellationToken);
        // The dashboard announces `agcc-ready dashboard http://127.0.0.1:PORT`.
        return (process, new Uri(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]));
    }

    // arguments[0] is the assembly; the host runs from its folder so appsettings.json is found.
    // A pinned process starts through taskset, which execs the host (same pid, so stopping it works).
    private ManagedProcess Start(string name, string[] arguments, IReadOnlyDictionary<string, string> environment, string logName, int? core = null) =>
        ManagedProcess.Start(
            name,
            core is null ? StackBinaries.DotnetHost : "taskset",
            core is null ? arguments : ["-c", core.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StackBinaries.DotnetHost, .. arguments],
            environment, Path.Combine(logFolder, logName),
            line => line.StartsWith(ProcessReadiness.Marker, StringComparison.Ordinal),
            workingDirectory: Path.GetDirectoryName(arguments[0]));

    private static async Task<string> AwaitReadyOrStop(ManagedProcess process, CancellationToken cancellationToken)
    {
        try
        {
            return await process.WaitReadyAsync(StartTimeout, cancellationToken);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    private Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> specific)
    {
        var environment = new Dictionary<string, string>(settings.ToEnvironment())
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // OpenMP's spinning threads slow every other process on the machine (docs/torchsharp.md).
            ["OMP_WAIT_POLICY"] = "PASSIVE",
        };
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>()) environment[key] = value;
        foreach (var (key, value) in specific) environment[key] = value;
        return environment;
    }
}
