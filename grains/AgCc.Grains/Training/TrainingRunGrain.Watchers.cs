using Orleans.Utilities;

namespace AgCc.Grains.Training;

// Watchers (the dashboard's pages): after every write of the run's state, its status is pushed to
// each subscribed observer, so a page shows an epoch when it happens rather than at its next poll.
public sealed partial class TrainingRunGrain
{
    private ObserverManager<IRunWatcher>? watchers;
    private long sequence;

    private ObserverManager<IRunWatcher> Watchers => watchers ??= new ObserverManager<IRunWatcher>(RunWatching.Lapse, logger);

    public Task Watch(IRunWatcher watcher)
    {
        Watchers.Subscribe(watcher, watcher);
        return Task.CompletedTask;
    }

    public Task Unwatch(IRunWatcher watcher)
    {
        Watchers.Unsubscribe(watcher);
        return Task.CompletedTask;
    }

    private void NotifyWatchers()
    {
        if (watchers is not { Count: > 0 }) return;
        var status = Status();
        // Grows within this activation and across activations (seeded by the clock's ticks).
        sequence = Math.Max(sequence + 1, clock.GetUtcNow().UtcTicks);
        var current = sequence;
        watchers.Notify(w => w.RunChanged(status, current));
    }
}
