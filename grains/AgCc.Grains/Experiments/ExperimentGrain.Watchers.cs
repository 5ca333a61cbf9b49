using AgCc.Grains.Watching;

namespace AgCc.Grains.Experiments;

// Watchers (the dashboard's experiment page): every write of the experiment's state goes through
// WriteAsync, which pushes the new status to each subscribed observer, so the grid fills in when a
// run moves on rather than at the page's next poll.
public sealed partial class ExperimentGrain
{
    private GrainWatchers<IExperimentWatcher>? watchers;

    private GrainWatchers<IExperimentWatcher> Watchers => watchers ??= new(clock, logger);

    public Task Watch(IExperimentWatcher watcher)
    {
        Watchers.Subscribe(watcher);
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
        ExperimentStatus? status = null;
        watchers?.Notify((w, sequence) => w.ExperimentChanged(status ??= Status(), sequence));
    }
}
