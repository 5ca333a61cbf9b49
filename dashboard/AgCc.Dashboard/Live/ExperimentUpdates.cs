using AgCc.Grains.Experiments;

namespace AgCc.Dashboard.Live;

/// <summary>Experiment statuses pushed by the experiments (<see cref="IExperimentWatcher"/>) to the experiment pages showing them.</summary>
public sealed class ExperimentUpdates(IClusterClient cluster, ILogger<ExperimentUpdates> logger) : LiveFeeds<IExperimentWatcher, ExperimentStatus>(cluster, logger)
{
    protected override IExperimentWatcher Listen(Action<ExperimentStatus, long> push) => new Watcher(push);

    protected override Task SubscribeAsync(string key, IExperimentWatcher reference) => Cluster.GetGrain<IExperimentGrain>(key).Watch(reference);

    protected override Task UnsubscribeAsync(string key, IExperimentWatcher reference) => Cluster.GetGrain<IExperimentGrain>(key).Unwatch(reference);

    private sealed class Watcher(Action<ExperimentStatus, long> push) : IExperimentWatcher
    {
        public void ExperimentChanged(ExperimentStatus status, long sequence) => push(status, sequence);
    }
}
