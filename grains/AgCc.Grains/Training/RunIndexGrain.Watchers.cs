using AgCc.Grains.Watching;

namespace AgCc.Grains.Training;

// Watchers (the dashboard's Runs page): a changed row is pushed to each subscribed observer, which
// asks for its page again, so the list follows the runs without polling every two seconds.
public sealed partial class RunIndexGrain
{
    private GrainWatchers<IRunIndexWatcher>? watchers;

    private GrainWatchers<IRunIndexWatcher> Watchers => watchers ??= new(clock, logger);

    public Task Watch(IRunIndexWatcher watcher)
    {
        Watchers.Subscribe(watcher);
        return Task.CompletedTask;
    }

    public Task Unwatch(IRunIndexWatcher watcher)
    {
        Watchers.Unsubscribe(watcher);
        return Task.CompletedTask;
    }

    /// <param name="changed">The row that changed; null when several did (a backfill).</param>
    private void NotifyWatchers(RunSummary? changed)
        => watchers?.Notify((w, sequence) => w.RunsChanged(changed, sequence));
}
