namespace AgCc.Core.Training.Results;

/// <summary>
/// One finished epoch: the training losses (means over its steps), the triplets mined, the source
/// development UAR that early stopping watches, and the target's metrics when the run evaluates
/// the target every epoch (a curve to look at, never used to choose the model).
/// </summary>
public sealed record EpochMetrics(
    int Epoch,
    int Steps,
    double Loss,
    double EmotionLoss,
    double AnchorLoss,
    long ValidTriplets,
    long ActiveTriplets,
    double DevelopmentUar,
    double? TargetUar,
    double? TargetWeightedAccuracy,
    double? TargetMacroF1,
    double Seconds);
