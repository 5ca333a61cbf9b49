using AgCc.Core.Experiments;
using AgCc.Core.Experiments.Analysis;
using AgCc.Core.Experiments.Results;
using AgCc.Grains.Catalogs;
using AgCc.Grains.Experiments;

namespace AgCc.Client;

// Experiment grids: started into the cluster, which prepares, launches and follows their runs on
// its own. The results table is computed here from the runs' outcomes (ExperimentAggregation), the
// same function every view of it uses.
public sealed partial class AgCcClient
{
    /// <summary>
    /// Starts the experiment an ExperimentConfig JSON document describes and returns at once.
    /// Starting an equal config again returns its status (its runs are reused); an invalid config
    /// throws <see cref="ArgumentException"/> listing every problem.
    /// </summary>
    public Task<ExperimentStatus> StartExperimentAsync(string name, string configJson) => Experiment(name).Start(configJson);

    public Task<ExperimentStatus> StartExperimentAsync(ExperimentConfig config) => StartExperimentAsync(config.Name, ExperimentConfigJson.Write(config));

    /// <summary>Its stage and every run's outcome; <see cref="ExperimentStatus.Exists"/> is false for a name never started.</summary>
    public Task<ExperimentStatus> GetExperimentStatusAsync(string name) => Experiment(name).GetStatus();

    /// <summary>The results table over the runs completed so far (final once every run has ended).</summary>
    public async Task<ExperimentTable> GetExperimentResultsAsync(string name) => Results(await GetExperimentStatusAsync(name));

    /// <summary>The table of a status already at hand.</summary>
    public static ExperimentTable Results(ExperimentStatus status) => ExperimentAggregation.Table(status.Name, status.Runs);

    /// <summary>Per task, how AG clusters and phones agree across the corpora (empty until the clustering is fitted).</summary>
    public Task<IReadOnlyList<AnchorAgreement>> GetExperimentAnalysisAsync(string name) => Experiment(name).GetAnalysis();

    /// <summary>Cancels the runs that have not ended; completed runs stay in the results.</summary>
    public Task CancelExperimentAsync(string name) => Experiment(name).Cancel();

    public async Task<IReadOnlyList<ExperimentStatus>> ListExperimentsAsync()
    {
        var names = await Catalog(CatalogKeys.Experiments).List();
        return await Task.WhenAll(names.Select(n => Experiment(n).GetStatus()));
    }

    /// <summary>Starts the experiment and follows it until it ends, reporting its status every <paramref name="pollInterval"/> (default a second).</summary>
    public async Task<ExperimentStatus> RunExperimentAsync(
        ExperimentConfig config, IProgress<ExperimentStatus>? progress = null, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        var started = await StartExperimentAsync(config);
        return await FollowExperimentAsync(started, progress, pollInterval, cancellationToken);
    }

    /// <summary>Follows an experiment from <paramref name="status"/> until it ends.</summary>
    public Task<ExperimentStatus> FollowExperimentAsync(
        ExperimentStatus status, IProgress<ExperimentStatus>? progress = null, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        var retry = new TransientRetry();
        return FollowAsync(status, () => retry.CallAsync(() => GetExperimentStatusAsync(status.Name), cancellationToken),
            s => s.IsActive, progress, pollInterval ?? TimeSpan.FromSeconds(1), cancellationToken);
    }

    private IExperimentGrain Experiment(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return cluster.GetGrain<IExperimentGrain>(name);
    }
}
