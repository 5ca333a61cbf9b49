namespace AgCc.Core.Training.Results;

/// <summary>Why a run stopped training.</summary>
public enum StopReason
{
    /// <summary>It ran every configured epoch.</summary>
    MaxEpochs,

    /// <summary>The development UAR did not improve for `patience` epochs.</summary>
    EarlyStopping,
}

/// <summary>
/// A finished run: the epoch whose model was kept (best source-development UAR), that model's
/// metrics on the target (the result) and on the development split, and the whole history.
/// </summary>
/// <param name="Threads">torch's intra-op threads during training: results are bit-identical only at the same count.</param>
public sealed record RunResult(
    int BestEpoch,
    int Epochs,
    StopReason Stop,
    Evaluation Target,
    Evaluation Development,
    IReadOnlyList<string> Classes,
    IReadOnlyList<EpochMetrics> History,
    int Threads,
    string Device);
