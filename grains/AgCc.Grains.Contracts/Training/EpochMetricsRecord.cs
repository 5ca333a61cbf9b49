using AgCc.Core.Training.Results;

namespace AgCc.Grains.Training;

/// <summary>
/// One finished epoch of a run, as it crosses the wire and sits in the run's history (core's
/// <see cref="EpochMetrics"/> has no Orleans attributes). Positional: see GestureClusteringSpec.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EpochMetricsRecord(
    [property: Id(0)] int Epoch,
    [property: Id(1)] int Steps,
    [property: Id(2)] double Loss,
    [property: Id(3)] double EmotionLoss,
    [property: Id(4)] double AnchorLoss,
    [property: Id(5)] long ValidTriplets,
    [property: Id(6)] long ActiveTriplets,
    [property: Id(7)] double DevelopmentUar,
    [property: Id(8)] double? TargetUar,
    [property: Id(9)] double? TargetWeightedAccuracy,
    [property: Id(10)] double? TargetMacroF1,
    [property: Id(11)] double Seconds)
{
    public static EpochMetricsRecord From(EpochMetrics m) => new(
        m.Epoch, m.Steps, m.Loss, m.EmotionLoss, m.AnchorLoss, m.ValidTriplets, m.ActiveTriplets,
        m.DevelopmentUar, m.TargetUar, m.TargetWeightedAccuracy, m.TargetMacroF1, m.Seconds);

    public EpochMetrics ToCore() => new(
        Epoch, Steps, Loss, EmotionLoss, AnchorLoss, ValidTriplets, ActiveTriplets,
        DevelopmentUar, TargetUar, TargetWeightedAccuracy, TargetMacroF1, Seconds);
}
