using AgCc.Grains.Watching;

namespace AgCc.Grains.Training;

// Watchers (the dashboard's pages): after every write of the run's state, its status is pushed to
// each subscribed observer, so a page shows an epoch when it happens rather than at its next poll.
public sealed partial class TrainingRunGrain
{
    private GrainWatchers<IRunWatcher>? watchers;

    private GrainWatchers<IRunWatcher> Watchers => watchers ??= new(clock, logger);

    public Task Watch(IRunWatcher watcher)
    {
        Watchers.Subscribe(watcher);
        return Task.CompletedTask;
    }

    public Task Unwatch(IRunWatcher watcher)
    {
        Watchers.Unsubscribe(watcher);
        return Task.CompletedTask;
    }

    private void NotifyWatchers()
    {
        TrainingRunStatus? status = null;
        watchers?.Notify((w, sequence) => w.RunChanged(status ??= Status(), sequence));
    }
}
