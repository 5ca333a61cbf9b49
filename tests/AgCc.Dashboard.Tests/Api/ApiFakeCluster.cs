using System.Reflection;
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
/// An in-memory cluster for the API's in-process tests: grains are <see cref="DispatchProxy"/>
/// stand-ins over one state that behaves as the real grains do where the API depends on it (a
/// run's launch is parsed, idempotent and refuses another config; watchers hear every change).
/// </summary>
public sealed class ApiFakeCluster
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, TrainingRunStatus> runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> runHashes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IRunWatcher>> watchers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExperimentStatus> experiments = new(StringComparer.Ordinal);
    private long sequence;

    public ApiFakeCluster() => Client = ClusterProxy.Create(this);

    public IClusterClient Client { get; }

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
        List<IRunWatcher> listening;
        long next;
        lock (gate)
        {
            runs[status.Id] = status;
            listening = [.. watchers.GetValueOrDefault(status.Id) ?? []];
            next = ++sequence;
        }
        foreach (var watcher in listening) watcher.RunChanged(status, next);
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

    private object? Call(Type grain, string key, string method, object?[] args)
    {
        lock (gate)
        {
            return (grain.Name, method) switch
            {
                (nameof(ICatalogGrain), nameof(ICatalogGrain.List)) => Task.FromResult<IReadOnlyList<string>>(key switch
                {
                    CatalogKeys.Corpora => [.. Corpora.Keys],
                    CatalogKeys.GestureClusterings => [.. Clusterings.Keys],
                    CatalogKeys.TrainingRuns => [.. runs.Keys],
                    CatalogKeys.Experiments => [.. experiments.Keys],
                    _ => [],
                }),
                (nameof(ICorpusGrain), nameof(ICorpusGrain.GetInfo)) => Task.FromResult(Corpora.GetValueOrDefault(key)?.Info),
                (nameof(ICorpusGrain), nameof(ICorpusGrain.GetSummary)) => Task.FromResult(Corpora[key]),
                (nameof(ICorpusGrain), nameof(ICorpusGrain.GetRejections)) => Task.FromResult(Rejections.GetValueOrDefault(key) ?? []),
                (nameof(IGestureClusteringGrain), nameof(IGestureClusteringGrain.GetStatus)) => Task.FromResult(Clusterings.TryGetValue(key, out var c)
                    ? c.Status
                    : new GestureClusteringStatus(key, GestureClusteringStage.NotStarted, null, 0, 0, 0, 0, [], [], null, null, null, 0, null)),
                (nameof(IGestureClusteringGrain), nameof(IGestureClusteringGrain.GetResult)) => Task.FromResult(Clusterings.GetValueOrDefault(key).Result),
                (nameof(ITrainingRunGrain), nameof(ITrainingRunGrain.Launch)) => LaunchAsync(key, (string)args[0]!),
                (nameof(ITrainingRunGrain), nameof(ITrainingRunGrain.GetStatus)) => Task.FromResult(runs.GetValueOrDefault(key)
                    ?? new TrainingRunStatus(key, TrainingRunState.Queued, null, null, 0, 0, [], null, null, null, 0, null, null, null)),
                (nameof(ITrainingRunGrain), nameof(ITrainingRunGrain.Cancel)) => Cancel(key),
                (nameof(ITrainingRunGrain), nameof(ITrainingRunGrain.Watch)) => Watch(key, (IRunWatcher)args[0]!, add: true),
                (nameof(ITrainingRunGrain), nameof(ITrainingRunGrain.Unwatch)) => Watch(key, (IRunWatcher)args[0]!, add: false),
                (nameof(IRunIndexGrain), nameof(IRunIndexGrain.Query)) => Task.FromResult(RunIndexQuery.Run(
                    runs.Values.Select(RunSummary.From).OfType<RunSummary>(), (RunQuery)args[0]!, DateTimeOffset.UtcNow)),
                (nameof(IExperimentGrain), nameof(IExperimentGrain.Start)) => Start(key, (string)args[0]!),
                (nameof(IExperimentGrain), nameof(IExperimentGrain.GetStatus)) => Task.FromResult(experiments.GetValueOrDefault(key)
                    ?? new ExperimentStatus(key, ExperimentStage.Preparing, null, null, null, [], null, null, null)),
                (nameof(IExperimentGrain), nameof(IExperimentGrain.GetAnalysis)) => Task.FromResult<IReadOnlyList<AnchorAgreement>>([]),
                (nameof(IExperimentGrain), nameof(IExperimentGrain.Cancel)) => CancelExperiment(key),
                (nameof(IClusterStatusGrain), nameof(IClusterStatusGrain.GetStatus)) => Task.FromResult(new ClusterStatus(
                    [new SiloInfo("cpu-1", "127.0.0.1:11111", "Active", "cpu", "cpu", "localhost", DateTimeOffset.UnixEpoch)], DateTimeOffset.UnixEpoch)),
                (nameof(IClusterStatusGrain), nameof(IClusterStatusGrain.GetStatistics)) => Task.FromResult(new ClusterStatistics(
                    [new SiloStatistics("cpu-1", "127.0.0.1:11111", 12, 3, 1, 100, 90, 5.5f, 1000, 2000, false, [new GrainTypeActivations("TrainingRunGrain", "AgCc.Grains.Training.TrainingRunGrain", 2)], DateTimeOffset.UnixEpoch)],
                    DateTimeOffset.UnixEpoch)),
                _ => throw new NotSupportedException($"the fake cluster has no {grain.Name}.{method}"),
            };
        }
    }

    private Task Cancel(string id)
    {
        if (runs.TryGetValue(id, out var run) && run.IsActive)
            runs[id] = run with { State = TrainingRunState.Cancelled, FinishedAt = DateTimeOffset.UtcNow };
        return Task.CompletedTask;
    }

    private Task Watch(string id, IRunWatcher watcher, bool add)
    {
        var list = watchers.TryGetValue(id, out var l) ? l : watchers[id] = [];
        if (add && !list.Contains(watcher)) list.Add(watcher);
        if (!add) list.Remove(watcher);
        return Task.CompletedTask;
    }

    private Task<ExperimentStatus> Start(string name, string json)
    {
        var config = ExperimentConfigJson.Parse(json, name);
        if (experiments.TryGetValue(name, out var existing))
        {
            if (existing.Config != ExperimentConfigJson.Write(config)) throw new InvalidOperationException($"experiment '{name}' was started with another config");
            return Task.FromResult(existing);
        }
        var outcomes = config.Runs().Select(r => new AgCc.Core.Experiments.Results.ExperimentRunOutcome(r.Cell, r.Seed, r.RunId, "pending",
            0, r.Config.Training.Epochs, null, null)).ToList();
        return Task.FromResult(experiments[name] = new ExperimentStatus(name, ExperimentStage.Preparing, ExperimentConfigJson.Write(config), "ingesting", null,
            outcomes, null, DateTimeOffset.UtcNow, null));
    }

    private Task CancelExperiment(string name)
    {
        experiments[name] = experiments[name] with { Stage = ExperimentStage.Cancelled, FinishedAt = DateTimeOffset.UtcNow };
        return Task.CompletedTask;
    }

    /// <summary>The cluster client: grains by interface and key; an observer reference is the object itself.</summary>
    public class ClusterProxy : DispatchProxy
    {
        private ApiFakeCluster owner = null!;

        public static IClusterClient Create(ApiFakeCluster owner)
        {
            var client = Create<IClusterClient, ClusterProxy>();
            ((ClusterProxy)(object)client).owner = owner;
            return client;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args) => method!.Name switch
        {
            "GetGrain" when method.IsGenericMethod => GrainProxy.Create(owner, method.GetGenericArguments()[0], Convert.ToString(args![0], System.Globalization.CultureInfo.InvariantCulture)!),
            "CreateObjectReference" => args![0],
            "DeleteObjectReference" => null,
            _ => throw new NotSupportedException($"the fake cluster client has no {method}"),
        };
    }

    public class GrainProxy : DispatchProxy
    {
        private ApiFakeCluster owner = null!;
        private Type grain = null!;
        private string key = "";

        public static object Create(ApiFakeCluster owner, Type grain, string key)
        {
            var proxy = Create(grain, typeof(GrainProxy));
            var fake = (GrainProxy)proxy;
            (fake.owner, fake.grain, fake.key) = (owner, grain, key);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args) => owner.Call(grain, key, method!.Name, args ?? []);
    }
}
