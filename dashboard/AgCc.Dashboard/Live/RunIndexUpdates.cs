using AgCc.Grains.Training;

namespace AgCc.Dashboard.Live;

/// <summary>
/// Changes of the run index (<see cref="IRunIndexWatcher"/>: a row changed, or null for several) for
/// the Runs page, which asks for its page again on each (throttled like every feed).
/// </summary>
public sealed class RunIndexUpdates(IClusterClient cluster, ILogger<RunIndexUpdates> logger) : LiveFeeds<IRunIndexWatcher, RunSummary?>(cluster, logger)
{
    /// <summary>Calls <paramref name="onChange"/> after rows of the index of every run changed, until the handle is disposed.</summary>
    public IDisposable Watch(Func<RunSummary?, Task> onChange) => Watch(RunIndexKeys.All, onChange);

    protected override IRunIndexWatcher Listen(Action<RunSummary?, long> push) => new Watcher(push);

    protected override Task SubscribeAsync(string key, IRunIndexWatcher reference) => Cluster.GetGrain<IRunIndexGrain>(key).Watch(reference);

    protected override Task UnsubscribeAsync(string key, IRunIndexWatcher reference) => Cluster.GetGrain<IRunIndexGrain>(key).Unwatch(reference);

    private sealed class Watcher(Action<RunSummary?, long> push) : IRunIndexWatcher
    {
        public void RunsChanged(RunSummary? changed, long sequence) => push(changed, sequence);
    }
}
