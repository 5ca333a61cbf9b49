using AgCc.Core.Corpora;
using AgCc.Core.Experiments.Analysis;
using AgCc.Grains.Catalogs;
using AgCc.Grains.Cluster;
using AgCc.Grains.Corpora;
using AgCc.Grains.Experiments;
using AgCc.Grains.Training;

namespace AgCc.Dashboard.Tests;

/// <summary>
/// The grain fakes the dashboard's tests share, each configuring a <see cref="FakeCluster"/> with
/// what one kind of grain answers; a test picks the ones its page calls.
/// </summary>
internal static class FakeGrains
{
    /// <summary>Run grains answering their statuses (an unknown id: a run never launched), and the run index of their summaries unless <paramref name="index"/> is given.</summary>
    public static FakeCluster WithRuns(this FakeCluster cluster, IReadOnlyDictionary<string, TrainingRunStatus> runs, IReadOnlyList<RunSummary>? index = null)
    {
        index ??= [.. runs.Values.Select(RunSummary.From).OfType<RunSummary>()];
        return cluster
            .On<ITrainingRunGrain, TrainingRunStatus>(nameof(ITrainingRunGrain.GetStatus), (key, _) => runs.TryGetValue(key, out var s) ? s : NeverLaunched(key))
            .On<IRunIndexGrain, RunPage>(nameof(IRunIndexGrain.Query), (_, args) => RunIndexQuery.Run(index, (RunQuery)args[0]!, DateTimeOffset.UtcNow));
    }

    public static TrainingRunStatus NeverLaunched(string id) => new(id, TrainingRunState.Queued, null, null, 0, 0, [], null, null, null, 0, null, null, null);

    /// <summary>Experiment grains answering their statuses (an unknown name: never started) and the analysis for those known, and the experiments catalog.</summary>
    public static FakeCluster WithExperiments(this FakeCluster cluster, IReadOnlyDictionary<string, ExperimentStatus> experiments, AnchorAgreement? agreement = null) => cluster
        .On<ICatalogGrain, IReadOnlyList<string>>(nameof(ICatalogGrain.List), (_, _) => [.. experiments.Keys], key: CatalogKeys.Experiments)
        .On<IExperimentGrain, ExperimentStatus>(nameof(IExperimentGrain.GetStatus), (key, _) => experiments.TryGetValue(key, out var s)
            ? s
            : new ExperimentStatus(key, ExperimentStage.Preparing, null, null, null, [], null, null, null))
        .On<IExperimentGrain, IReadOnlyList<AnchorAgreement>>(nameof(IExperimentGrain.GetAnalysis),
            (key, _) => experiments.ContainsKey(key) && agreement is not null ? [agreement] : []);

    /// <summary>The corpora catalog and each corpus's info (manifest layout under /data).</summary>
    public static FakeCluster WithCorpora(this FakeCluster cluster, params string[] corpora) => cluster
        .On<ICatalogGrain, IReadOnlyList<string>>(nameof(ICatalogGrain.List), (_, _) => [.. corpora], key: CatalogKeys.Corpora)
        .On<ICorpusGrain, CorpusInfo?>(nameof(ICorpusGrain.GetInfo),
            (key, _) => corpora.Contains(key) ? new CorpusInfo(key, CorpusLayout.Manifest, "/data/" + key, DateTimeOffset.UnixEpoch) : null);

    /// <summary>The cluster status grain; null statistics throw, as a silo that does not answer would.</summary>
    public static FakeCluster WithClusterStatus(this FakeCluster cluster, ClusterStatus status, ClusterStatistics? statistics) => cluster
        .On<IClusterStatusGrain, ClusterStatus>(nameof(IClusterStatusGrain.GetStatus), (_, _) => status)
        .On<IClusterStatusGrain, ClusterStatistics>(nameof(IClusterStatusGrain.GetStatistics),
            (_, _) => statistics ?? throw new InvalidOperationException("no statistics here"));

    /// <summary>
    /// Run and experiment grains that keep the first config per key (as the real ones do) in
    /// <paramref name="runs"/> and <paramref name="experiments"/>, and refuse another config under it.
    /// </summary>
    public static FakeCluster WithLaunches(this FakeCluster cluster, Dictionary<string, string> runs, Dictionary<string, string> experiments) => cluster
        .On<ITrainingRunGrain, TrainingRunStatus>(nameof(ITrainingRunGrain.Launch), (key, args) =>
        {
            var json = (string)args[0]!;
            if (runs.TryGetValue(key, out var known) && known != json)
                throw new InvalidOperationException($"run '{key}' was launched with another config; launch this one under another id (or leave its id out)");
            runs[key] = json;
            return null!;
        })
        .On<IExperimentGrain, ExperimentStatus>(nameof(IExperimentGrain.Start), (key, args) =>
        {
            var json = (string)args[0]!;
            if (experiments.TryGetValue(key, out var known) && known != json)
                throw new InvalidOperationException($"experiment '{key}' was started with another config; start this one under another name");
            experiments[key] = json;
            return null!;
        });
}
