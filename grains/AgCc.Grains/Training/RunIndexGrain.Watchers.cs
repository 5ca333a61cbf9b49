using Orleans.Utilities;

namespace AgCc.Grains.Training;

// Watchers (the dashboard's Runs page): a changed row is pushed to each subscribed observer, which
// asks for its page again, so the list follows the runs without polling every two seconds.
public sealed partial class RunIndexGrain
{
    private ObserverManager<IRunIndexWatcher>? watchers;
    private long sequence;

    private ObserverManager<IRunIndexWatcher> Watchers => watchers ??= new ObserverManager<IRunIndexWatcher>(RunWatching.Lapse, logger);

    public Task Watch(IRunIndexWatcher watcher)
    {
        Watchers.Subscribe(watcher, watcher);
        return Task.CompletedTask;
    }

    public Task Unwatch(IRunIndexWatcher watcher)
    {
        Watchers.Unsubscribe(watcher);
        return Task.CompletedTask;
    }

    /// <param name="changed">The row that changed; null when several did (a backfill).</param>
    private void NotifyWatchers(RunSummary? changed)
    {
        if (watchers is not { Count: > 0 }) return;
        // Grows within this activation and across activations (seeded by the clock's ticks).
        sequence = Math.Max(sequence + 1, clock.GetUtcNow().UtcTicks);
        var current = sequence;
        watchers.Notify(w => w.RunsChanged(changed, current));
    }
}
