using AgCc.Hosting;

namespace AgCc.LocalStack;

/// <summary>What `agcc up` starts.</summary>
public sealed record LocalStackOptions
{
    /// <summary>The stack's folder (Azurite data, logs, state file).</summary>
    public required string Home { get; init; }
    public int Silos { get; init; } = 1;
    /// <summary>How many of <see cref="Silos"/> carry the `gpu` role.</summary>
    public int GpuSilos { get; init; }
    /// <summary>Dashboard port on 127.0.0.1; 0 picks a free one.</summary>
    public int DashboardPort { get; init; }

    /// <summary>The address the dashboard binds to; another than loopback needs AgCc:Dashboard:SignIn configured.</summary>
    public string DashboardHost { get; init; } = "127.0.0.1";
    /// <summary>Keep storage in memory (tests) instead of in Home/azurite.</summary>
    public bool InMemoryStorage { get; init; }
    public IReadOnlyDictionary<string, string>? ExtraEnvironment { get; init; }
    /// <summary>Pin silo i to core i mod the core count (benchmarks of scaling out on one machine).</summary>
    public bool OneCorePerSilo { get; init; }
}

/// <summary>
/// Azurite, N silo processes and the dashboard on loopback, started in that order and stopped
/// in reverse. Each `up` gets a fresh cluster id (no stale membership rows); grain state is keyed
/// by the service id, so it carries over.
/// </summary>
public sealed class RunningStack : IAsyncDisposable
{
    private readonly LocalStackOptions options;
    private readonly List<ManagedProcess> silos = [];
    private AzuriteServer? azurite;
    private ManagedProcess? dashboard;

    public AgCcSettings Settings { get; private set; } = null!;
    public Uri DashboardAddress { get; private set; } = null!;
    public IReadOnlyList<ManagedProcess> Silos => silos;
    public string LogFolder => Path.Combine(options.Home, "logs");

    private RunningStack(LocalStackOptions options) => this.options = options;

    public static async Task<RunningStack> StartAsync(LocalStackOptions options, Action<string> report, CancellationToken cancellationToken = default)
    {
        if (options.Silos < 1) throw new ArgumentOutOfRangeException(nameof(options), "a stack needs at least one silo");
        if (options.GpuSilos < 0 || options.GpuSilos > options.Silos)
            throw new ArgumentOutOfRangeException(nameof(options), $"gpu silos must be between 0 and {options.Silos}");

        var stack = new RunningStack(options);
        try
        {
            await stack.StartAllAsync(report, cancellationToken);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    private async Task StartAllAsync(Action<string> report, CancellationToken cancellationToken)
    {
        var binaries = StackBinaries.Load();
        Directory.CreateDirectory(LogFolder);

        report("starting Azurite");
        var dataFolder = options.InMemoryStorage ? null : Path.Combine(options.Home, "azurite");
        azurite = await AzuriteServer.StartAsync(dataFolder, Path.Combine(LogFolder, "azurite.log"), cancellationToken);

        Settings = new AgCcSettings(azurite.ConnectionString, $"agcc-local-{DateTimeOffset.UtcNow:yyyyMMddHHmmss}", AgCcSettings.DefaultServiceId);
        var processes = new StackProcesses(binaries, Settings, LogFolder, options.ExtraEnvironment);

        // One after another: the first silo creates the membership table, and two cores do not
        // gain from starting several at once.
        for (var i = 0; i < options.Silos; i++)
        {
            var role = i >= options.Silos - options.GpuSilos ? "gpu" : "cpu";
            var launch = SiloLaunch.WithFreePorts($"{role}-{i + 1}", role) with { Core = options.OneCorePerSilo ? i % Environment.ProcessorCount : null };
            report($"starting silo {launch.Name}");
            silos.Add(await processes.StartSiloAsync(launch, cancellationToken));
        }

        report("starting the dashboard");
        (dashboard, DashboardAddress) = await processes.StartDashboardAsync(options.DashboardPort, options.DashboardHost, cancellationToken);
    }

    /// <summary>The state file's content for this stack.</summary>
    public StackState Describe(int launcherPid) => new(
        Settings.StorageConnectionString, Settings.ClusterId, Settings.ServiceId, DashboardAddress.ToString(), launcherPid,
        [azurite!.Pid, .. silos.Select(s => s.Pid), dashboard!.Pid], DateTimeOffset.UtcNow);

    public async ValueTask DisposeAsync()
    {
        if (dashboard is not null) await dashboard.DisposeAsync();
        // All silos at once: each one's graceful shutdown waits on the others' acknowledgements.
        await Task.WhenAll(silos.Select(s => s.DisposeAsync().AsTask()));
        if (azurite is not null) await azurite.DisposeAsync();
        dashboard = null;
        silos.Clear();
        azurite = null;
    }
}
