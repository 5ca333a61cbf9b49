using AgCc.Grains.Training;
using Orleans.Utilities;

namespace AgCc.Grains.Experiments;

// Watchers (the dashboard's experiment page): every write of the experiment's state goes through
// WriteAsync, which pushes the new status to each subscribed observer, so the grid fills in when a
// run moves on rather than at the page's next poll.
public sealed partial class ExperimentGrain
{
    private ObserverManager<IExperimentWatcher>? watchers;
    private long sequence;

    // The runs' lapse: one renewal rhythm for every watcher the dashboard holds.
    private ObserverManager<IExperimentWatcher> Watchers => watchers ??= new ObserverManager<IExperimentWatcher>(RunWatching.Lapse, logger);

    public Task Watch(IExperimentWatcher watcher)
    {
        Watchers.Subscribe(watcher, watcher);
        return Task.CompletedTask;
    }

    public Task Unwatch(IExperimentWatcher watcher)
    {
        Watchers.Unsubscribe(watcher);
        return Task.CompletedTask;
    }

    /// <summary>Writes the experiment's state, then tells its watchers.</summary>
    private async Task WriteAsync()
    {
        await state.WriteStateAsync();
        NotifyWatchers();
    }

    private void NotifyWatchers()
    {
        if (watchers is not { Count: > 0 }) return;
        var status = Status();
        // Grows within this activation and across activations (seeded by the clock's ticks).
        sequence = Math.Max(sequence + 1, clock.GetUtcNow().UtcTicks);
        var current = sequence;
        watchers.Notify(w => w.ExperimentChanged(status, current));
    }
}
