using System.Diagnostics;
using AgCc.Client;
using AgCc.Core.Corpora;
using AgCc.Core.Experiments;
using AgCc.Core.Features;
using AgCc.Core.Synthesis;
using AgCc.Core.Training.Config;
using AgCc.Grains.Experiments;
using AgCc.Hosting;
using AgCc.LocalStack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgCc.Integration.Tests;

/// <summary>
/// The failure drills' cluster: Azurite keeping its data in a folder (so it can be restarted), two
/// cpu silo processes with fast failure detection and one-second supervision, and the reference:
/// the drills' experiment run once undisturbed, with its wall time. A killed silo is replaced by
/// a new process at once, as an orchestrator would, so every drill starts with two silos.
/// </summary>
public sealed class ExperimentDrillCluster : IAsyncLifetime
{
    private readonly SemaphoreSlim referenceLock = new(1, 1);
    private readonly Dictionary<string, ManagedProcess> silos = [];
    private StackProcesses processes = null!;
    private IHost management = null!;
    private (ExperimentStatus Status, TimeSpan Time)? reference;
    private int launched;

    public string Folder { get; } = Directory.CreateTempSubdirectory("agcc-drills-").FullName;
    public AzuriteServer Azurite { get; private set; } = null!;
    public AgCcClient Client { get; private set; } = null!;
    public string Data => Path.Combine(Folder, "synth");

    public async Task InitializeAsync()
    {
        SyntheticCorpora.Write(Data, SynthesisPreset.Demo, seed: 9);
        Azurite = await AzuriteServer.StartAsync(Path.Combine(Folder, "azurite"), Path.Combine(Folder, "logs", "azurite.log"));
        var settings = new AgCcSettings(Azurite.ConnectionString, "experiment-drills", AgCcSettings.DefaultServiceId);
        processes = new StackProcesses(StackBinaries.Load(), settings, Path.Combine(Folder, "logs"),
            new Dictionary<string, string>(SiloLaunch.FastFailureDetection)
            {
                ["AgCc__Training__SupervisionInterval"] = "00:00:01",
                ["AgCc__Membership__IAmAliveTablePublishTimeout"] = "00:00:02",
                // Small ingestion batches: every preparation stage lasts long enough to be cut.
                ["AgCc__Ingestion__BatchSize"] = "6",
                ["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ",
            });
        await Task.WhenAll(StartSiloAsync(), StartSiloAsync());
        Client = await AgCcClient.ConnectAsync(settings);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client.UseAgCcCluster(settings));
        management = builder.Build();
        await management.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await management.StopAsync();
        management.Dispose();
        foreach (var silo in silos.Values) await silo.DisposeAsync();
        await Azurite.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>The drills' grid on corpora named for the drill, so each one ingests, extracts and clusters anew.</summary>
    public ExperimentConfig Grid(string drill)
    {
        var (source, target) = ($"{drill}-crema", $"{drill}-msp");
        return new ExperimentConfig
        {
            Name = $"drill-{drill}",
            Corpora =
            [
                new CorpusReference(source, CorpusLayout.CremaD, Path.Combine(Data, SyntheticCorpora.CremaDFolder)),
                new CorpusReference(target, CorpusLayout.MspImprov, Path.Combine(Data, SyntheticCorpora.MspImprovFolder)),
            ],
            Directions = [new ExperimentDirection(source, target)],
            Methods = [TrainingMethod.Baseline, TrainingMethod.AgCc],
            Tasks = ["4class"],
            Seeds = [0],
            Features = FeatureSpec.LogMel with { Normalization = FeatureNormalization.Corpus },
            Gestures = new GestureConfig(Clusters: 4, MaxIterations: 8, MaxIterationsBarycenter: 10, Tolerance: 0, Seed: 1),
            Model = new ModelConfig(Width: 32, Layers: 1, Heads: 2, FeedForward: 64, Dropout: 0.1, Hidden: [32]),
            Training = new OptimizationConfig(Epochs: 6, BatchSize: 32, LearningRate: 1e-3, Patience: 10, MaxFrames: 100, Threads: 1),
        };
    }

    /// <summary>The grid run undisturbed (once per class), and how long it took.</summary>
    public async Task<(ExperimentStatus Status, TimeSpan Time)> ReferenceAsync()
    {
        await referenceLock.WaitAsync();
        try
        {
            if (reference is { } known) return known;
            var watch = Stopwatch.StartNew();
            var done = await FollowAsync(await Client.StartExperimentAsync(Grid("reference")));
            reference = (done, watch.Elapsed);
            return reference.Value;
        }
        finally
        {
            referenceLock.Release();
        }
    }

    public async Task<ExperimentStatus> FollowAsync(ExperimentStatus started)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        return await Client.FollowExperimentAsync(started, pollInterval: TimeSpan.FromMilliseconds(200), cancellationToken: limit.Token);
    }

    /// <summary>Kills the silo process of this name (SIGKILL) and starts a replacement; returns when the replacement is up.</summary>
    public async Task KillAndReplaceAsync(string siloName)
    {
        if (!silos.Remove(siloName, out var victim)) throw new InvalidOperationException($"no silo named {siloName} (have {string.Join(", ", silos.Keys)})");
        await victim.KillAsync();
        await victim.DisposeAsync();
        await StartSiloAsync();
    }

    /// <summary>The name of the silo where this experiment's grain is active.</summary>
    public async Task<string> ExperimentSiloAsync(string experiment)
    {
        var grains = management.Services.GetRequiredService<IClusterClient>();
        var id = grains.GetGrain<IExperimentGrain>(experiment).GetGrainId();
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var address = statistics.First(s => s.GrainId.Equals(id)).SiloAddress;
        var cluster = await Client.GetClusterStatusAsync();
        return cluster.Silos.First(s => s.Address == address.ToParsableString()).Name;
    }

    /// <summary>Azurite stopped and started again on its ports and data folder.</summary>
    public async Task RestartAzuriteAsync() => Azurite = await Azurite.RestartAsync();

    private async Task StartSiloAsync()
    {
        var name = $"drill-silo-{Interlocked.Increment(ref launched)}";
        var process = await processes.StartSiloAsync(SiloLaunch.WithFreePorts(name, "cpu"));
        lock (silos) silos[name] = process;
    }
}
