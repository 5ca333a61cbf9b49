using AgCc.Core.Training.Results;

namespace AgCc.Grains.Training;

/// <summary>
/// A completed run's result on the target corpus (the best epoch's model, chosen on the source
/// development split), with where its model and metrics.json lie. Confusion rows are true classes.
/// Arrays, not IReadOnlyList: it sits in grain state, whose JSON names a member's runtime type when
/// it differs from the declared one, and a collection expression's hidden list type does not read back.
/// </summary>
/// <param name="Threads">torch's intra-op threads: results are bit-identical only at the same count.</param>
[GenerateSerializer, Immutable]
public sealed record TrainingRunResult(
    [property: Id(0)] double Uar,
    [property: Id(1)] double WeightedAccuracy,
    [property: Id(2)] double MacroF1,
    [property: Id(3)] string[] Classes,
    [property: Id(4)] double[] PerClassRecall,
    [property: Id(5)] long[][] Confusion,
    [property: Id(6)] long Utterances,
    [property: Id(7)] int BestEpoch,
    [property: Id(8)] int Epochs,
    [property: Id(9)] StopReason Stop,
    [property: Id(10)] double DevelopmentUar,
    [property: Id(11)] int Threads,
    [property: Id(12)] string Device,
    [property: Id(13)] string BestModel,
    [property: Id(14)] string Metrics)
{
    public static TrainingRunResult From(RunResult result, string bestModel, string metrics) => new(
        result.Target.Uar, result.Target.WeightedAccuracy, result.Target.MacroF1, [.. result.Classes],
        [.. result.Target.PerClassRecall], result.Target.Confusion, result.Target.Utterances, result.BestEpoch, result.Epochs,
        result.Stop, result.Development.Uar, result.Threads, result.Device, bestModel, metrics);
}
