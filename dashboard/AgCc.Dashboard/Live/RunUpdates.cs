using AgCc.Grains.Training;

namespace AgCc.Dashboard.Live;

/// <summary>Run statuses pushed by the runs themselves (<see cref="IRunWatcher"/>) to the run pages showing them.</summary>
public sealed class RunUpdates(IClusterClient cluster, ILogger<RunUpdates> logger) : LiveFeeds<IRunWatcher, TrainingRunStatus>(cluster, logger)
{
    protected override IRunWatcher Listen(Action<TrainingRunStatus, long> push) => new Watcher(push);

    protected override Task SubscribeAsync(string key, IRunWatcher reference) => Cluster.GetGrain<ITrainingRunGrain>(key).Watch(reference);

    protected override Task UnsubscribeAsync(string key, IRunWatcher reference) => Cluster.GetGrain<ITrainingRunGrain>(key).Unwatch(reference);

    private sealed class Watcher(Action<TrainingRunStatus, long> push) : IRunWatcher
    {
        public void RunChanged(TrainingRunStatus status, long sequence) => push(status, sequence);
    }
}
