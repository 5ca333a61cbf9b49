namespace AgCc.Grains.Training;

/// <summary>
/// Every training run's <see cref="RunSummary"/> in one grain (key <see cref="RunIndexKeys.All"/>),
/// so the Runs page pages, sorts and filters hundreds of runs with one call instead of one status
/// call per run. Each TrainingRun grain upserts its summary after every write of its state; an
/// index that finds runs of the training-runs catalog missing on activation (an empty one, say)
/// fills them in from their statuses.
/// </summary>
public interface IRunIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces the run's summary (by id).</summary>
    Task Upsert(RunSummary summary);

    /// <summary>One page of the runs that pass the query's filters, in its order, and their total.</summary>
    Task<RunPage> Query(RunQuery query);

    /// <summary>
    /// Tells <paramref name="watcher"/> whenever a run's summary changes. A subscription lapses after
    /// <see cref="RunWatching.Lapse"/> unless renewed by calling this again.
    /// </summary>
    Task Watch(IRunIndexWatcher watcher);

    Task Unwatch(IRunIndexWatcher watcher);
}

public static class RunIndexKeys
{
    /// <summary>The index of every run.</summary>
    public const string All = "all";
}
