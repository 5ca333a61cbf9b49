using AgCc.Core.Corpora;
using AgCc.Core.Experiments;
using AgCc.Core.Experiments.Analysis;
using AgCc.Core.Training.Config;
using AgCc.Grains.Catalogs;
using AgCc.Grains.Cluster;
using AgCc.Grains.Corpora;
using AgCc.Grains.Experiments;
using AgCc.Grains.Gestures;
using AgCc.Grains.Training;

namespace AgCc.Dashboard.Tests.Api;

/// <summary>
/// An in-memory cluster for the API's in-process tests: a <see cref="FakeCluster"/> whose grains
/// answer from one state that behaves as the real grains do where the API depends on it (a run's
/// launch is parsed, idempotent and refuses another config; watchers hear every change).
/// </summary>
public sealed class ApiFakeCluster
{
    private readonly Lock gate = new();
    private readonly FakeCluster grains;
    private readonly Dictionary<string, TrainingRunStatus> runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> runHashes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExperimentStatus> experiments = new(StringComparer.Ordinal);
    private long sequence;

    public ApiFakeCluster() => grains = Grains();

    public IClusterClient Client => grains.Client;

    public Dictionary<string, CorpusSummary> Corpora { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyList<RejectedUtterance>> Rejections { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (GestureClusteringStatus Status, GestureClusteringResult? Result)> Clusterings { get; } = new(StringComparer.Ordinal);

    /// <summary>How many launches created a run (a repeat of an equal config creates none).</summary>
    public int RunsCreated { get; private set; }

    public TrainingRunStatus Run(string id)
    {
        lock (gate) return runs[id];
    }

    /// <summary>Changes a run and pushes the change to its watchers, as the run grain does after every write.</summary>
    public void SetRun(TrainingRunStatus status)
    {
        long next;
        lock (gate)
        {
            runs[status.Id] = status;
            next = ++sequence;
        }
        foreach (var watcher in grains.Watchers<ITrainingRunGrain, IRunWatcher>(status.Id)) watcher.RunChanged(status, next);
    }

    public void SetExperiment(ExperimentStatus status)
    {
        lock (gate) experiments[status.Name] = status;
    }

    private async Task<TrainingRunStatus> LaunchAsync(string id, string json)
    {
        RunConfig config;
        try
        {
            config = RunConfigJson.Parse(json, $"run '{id}'");
        }
        catch (ConfigException e)
        {
            throw new ArgumentException(string.Join("; ", e.Problems));
        }
        await Task.Yield(); // lets concurrent launches interleave, as grain calls from many requests do
        var hash = RunConfigJson.Hash(config with { Id = null });
        lock (gate)
        {
            if (runHashes.TryGetValue(id, out var launched))
            {
                if (launched != hash) throw new InvalidOperationException($"run '{id}' was launched with another config");
                return runs[id];
            }
            runHashes[id] = hash;
            RunsCreated++;
            return runs[id] = new TrainingRunStatus(id, TrainingRunState.Queued, RunConfigJson.Write(config with { Id = id }), null, 0,
                config.Training.Epochs, [], null, null, null, 0, DateTimeOffset.UtcNow.AddSeconds(RunsCreated), null, null);
        }
    }

    /// <summary>The grains the API calls, each answering from this fake's state.</summary>
    private FakeCluster Grains() => new FakeCluster()
        .On<ICatalogGrain, IReadOnlyList<string>>(nameof(ICatalogGrain.List), (key, _) => Locked(() => key switch
        {
            CatalogKeys.Corpora => [.. Corpora.Keys],
            CatalogKeys.GestureClusterings => [.. Clusterings.Keys],
            CatalogKeys.TrainingRuns => [.. runs.Keys],
            CatalogKeys.Experiments => [.. experiments.Keys],
            _ => (IReadOnlyList<string>)[],
        }))
        .On<ICorpusGrain, CorpusInfo?>(nameof(ICorpusGrain.GetInfo), (key, _) => Locked(() => Corpora.GetValueOrDefault(key)?.Info))
        .On<ICorpusGrain, CorpusSummary>(nameof(ICorpusGrain.GetSummary), (key, _) => Locked(() => Corpora[key]))
        .On<ICorpusGrain, IReadOnlyList<RejectedUtterance>>(nameof(ICorpusGrain.GetRejections), (key, _) => Locked(() => Rejections.GetValueOrDefault(key) ?? []))
        .On<IGestureClusteringGrain, GestureClusteringStatus>(nameof(IGestureClusteringGrain.GetStatus), (key, _) => Locked(() => Clusterings.TryGetValue(key, out var c)
            ? c.Status
            : new GestureClusteringStatus(key, GestureClusteringStage.NotStarted, null, 0, 0, 0, 0, [], [], null, null, null, 0, null)))
        .On<IGestureClusteringGrain, GestureClusteringResult?>(nameof(IGestureClusteringGrain.GetResult), (key, _) => Locked(() => Clusterings.GetValueOrDefault(key).Result))
        .OnAsync<ITrainingRunGrain, TrainingRunStatus>(nameof(ITrainingRunGrain.Launch), (key, args) => LaunchAsync(key, (string)args[0]!))
        .On<ITrainingRunGrain, TrainingRunStatus>(nameof(ITrainingRunGrain.GetStatus), (key, _) => Locked(() => runs.GetValueOrDefault(key)
            ?? new TrainingRunStatus(key, TrainingRunState.Queued, null, null, 0, 0, [], null, null, null, 0, null, null, null)))
        .On<ITrainingRunGrain>(nameof(ITrainingRunGrain.Cancel), (key, _) => Locked(() => Cancel(key)))
        .On<IRunIndexGrain, RunPage>(nameof(IRunIndexGrain.Query), (_, args) => Locked(() => RunIndexQuery.Run(
            runs.Values.Select(RunSummary.From).OfType<RunSummary>(), (RunQuery)args[0]!, DateTimeOffset.UtcNow)))
        .On<IExperimentGrain, ExperimentStatus>(nameof(IExperimentGrain.Start), (key, args) => Locked(() => Start(key, (string)args[0]!)))
        .On<IExperimentGrain, ExperimentStatus>(nameof(IExperimentGrain.GetStatus), (key, _) => Locked(() => experiments.GetValueOrDefault(key)
            ?? new ExperimentStatus(key, ExperimentStage.Preparing, null, null, null, [], null, null, null)))
        .On<IExperimentGrain, IReadOnlyList<AnchorAgreement>>(nameof(IExperimentGrain.GetAnalysis), (_, _) => [])
        .On<IExperimentGrain>(nameof(IExperimentGrain.Cancel), (key, _) => Locked(() => CancelExperiment(key)))
        .On<IClusterStatusGrain, ClusterStatus>(nameof(IClusterStatusGrain.GetStatus), (_, _) => new ClusterStatus(
            [new SiloInfo("cpu-1", "127.0.0.1:11111", "Active", "cpu", "cpu", "localhost", DateTimeOffset.UnixEpoch)], DateTimeOffset.UnixEpoch))
        .On<IClusterStatusGrain, ClusterStatistics>(nameof(IClusterStatusGrain.GetStatistics), (_, _) => new ClusterStatistics(
            [new SiloStatistics("cpu-1", "127.0.0.1:11111", 12, 3, 1, 100, 90, 5.5f, 1000, 2000, false, [new GrainTypeActivations("TrainingRunGrain", "AgCc.Grains.Training.TrainingRunGrain", 2)], DateTimeOffset.UnixEpoch)],
            DateTimeOffset.UnixEpoch));

    private T Locked<T>(Func<T> read)
    {
        lock (gate) return read();
    }

    private void Locked(Action change)
    {
        lock (gate) change();
    }

    private void Cancel(string id)
    {
        if (runs.TryGetValue(id, out var run) && run.IsActive)
            runs[id] = run with { State = TrainingRunState.Cancelled, FinishedAt = DateTimeOffset.UtcNow };
    }

    private ExperimentStatus Start(string name, string json)
    {
        var config = ExperimentConfigJson.Parse(json, name);
        if (experiments.TryGetValue(name, out var existing))
        {
            if (existing.Config != ExperimentConfigJson.Write(config)) throw new InvalidOperationException($"experiment '{name}' was started with another config");
            return existing;
        }
        var outcomes = config.Runs().Select(r => new AgCc.Core.Experiments.Results.ExperimentRunOutcome(r.Cell, r.Seed, r.RunId, "pending",
            0, r.Config.Training.Epochs, null, null)).ToList();
        return experiments[name] = new ExperimentStatus(name, ExperimentStage.Preparing, ExperimentConfigJson.Write(config), "ingesting", null,
            outcomes, null, DateTimeOffset.UtcNow, null);
    }

    private void CancelExperiment(string name) =>
        experiments[name] = experiments[name] with { Stage = ExperimentStage.Cancelled, FinishedAt = DateTimeOffset.UtcNow };
}
