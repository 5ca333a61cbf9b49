namespace AgCc.Grains.Training;

/// <summary>
/// What a trainer tells its run (key: the run id; implemented by the TrainingRun grain, apart from
/// <see cref="ITrainingRunGrain"/> so clients do not see it). Each report returns whether the run
/// still wants training: false once it was cancelled or has finished, and the trainer stops.
/// Reports are idempotent: a resumed trainer repeats epochs it had reported before.
/// </summary>
public interface ITrainingRunReports : IGrainWithStringKey
{
    /// <summary>The trainer has a slot on <paramref name="silo"/> and builds the data.</summary>
    Task<bool> Preparing(string silo, string device);

    /// <summary>Training starts, from scratch or from a checkpoint with <paramref name="history"/> already done.</summary>
    Task<bool> Training(bool resumed, IReadOnlyList<EpochMetricsRecord> history);

    Task<bool> Epoch(EpochMetricsRecord epoch);

    /// <summary>The last epoch is done; the best epoch's model is being evaluated on the target.</summary>
    Task<bool> Evaluating();

    Task Completed(TrainingRunResult result);

    /// <summary>The run cannot go on: <paramref name="reason"/> says what to fix.</summary>
    Task Failed(string reason);
}
