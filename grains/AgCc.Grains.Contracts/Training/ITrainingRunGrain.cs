namespace AgCc.Grains.Training;

/// <summary>
/// A training run (key: its run id, chosen by the caller or <c>RunConfig.RunId()</c>): its config,
/// state machine, per-epoch history and result. The training itself runs in the run's
/// <see cref="ITrainerGrain"/>, which this grain supervises with a reminder, so a run outlives the
/// silo its trainer started on.
/// </summary>
public interface ITrainingRunGrain : IGrainWithStringKey
{
    /// <summary>
    /// Launches the run described by a RunConfig JSON document and returns at once (queued).
    /// Idempotent: launching again with an equal config returns the current status, except that a
    /// failed or cancelled run is resumed from its last checkpoint (queued again, keeping its history);
    /// another config under the same id is refused. An invalid
    /// document, or one whose id differs from the key, throws <see cref="ArgumentException"/> listing every problem.
    /// </summary>
    Task<TrainingRunStatus> Launch(string configJson);

    Task<TrainingRunStatus> GetStatus();

    /// <summary>
    /// Stops the run between two training steps; its last checkpoint stays, and launching it again
    /// with its config resumes from there. A finished run is left as it is.
    /// </summary>
    Task Cancel();

    /// <summary>
    /// Replaces the run's tags (the status's and the run index's; the config keeps its own, and its
    /// hash does not change). At most <see cref="RunTags.MaxCount"/> tags, each non-empty and at most
    /// <see cref="RunTags.MaxLength"/> characters; otherwise <see cref="ArgumentException"/> naming
    /// the tag. A run never launched is refused with <see cref="InvalidOperationException"/>.
    /// </summary>
    Task<TrainingRunStatus> SetTags(string[] tags);

    /// <summary>
    /// Pushes the run's status to <paramref name="watcher"/> after every change. A subscription
    /// lapses after <see cref="RunWatching.Lapse"/> unless renewed by calling this again (a watcher
    /// whose client went away is forgotten).
    /// </summary>
    Task Watch(IRunWatcher watcher);

    Task Unwatch(IRunWatcher watcher);

    /// <summary>The epochs finished so far, then each new one as it finishes, until the run ends (or the token is cancelled).</summary>
    IAsyncEnumerable<EpochMetricsRecord> WatchEpochs(CancellationToken cancellationToken = default);
}

public static class RunWatching
{
    /// <summary>How long a subscription lasts without renewal; watchers renew at a third of it.</summary>
    public static readonly TimeSpan Lapse = TimeSpan.FromMinutes(1);
}
