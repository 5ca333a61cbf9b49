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
    /// Idempotent: launching again with an equal config returns the current status (a failed run is
    /// retried from its last checkpoint); another config under the same id is refused. An invalid
    /// document, or one whose id differs from the key, throws <see cref="ArgumentException"/> listing every problem.
    /// </summary>
    Task<TrainingRunStatus> Launch(string configJson);

    Task<TrainingRunStatus> GetStatus();

    /// <summary>Stops the run between two training steps; its last checkpoint stays. A finished run is left as it is.</summary>
    Task Cancel();

    /// <summary>The epochs finished so far, then each new one as it finishes, until the run ends (or the token is cancelled).</summary>
    IAsyncEnumerable<EpochMetricsRecord> WatchEpochs(CancellationToken cancellationToken = default);
}
