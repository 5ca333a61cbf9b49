using AgCc.Core.Metrics;

namespace AgCc.Core.Training.Results;

/// <summary>A model's metrics on one corpus (METHOD.md: UAR primary; WA, macro-F1, per-class recall, confusion).</summary>
/// <param name="Confusion">Rows: true class; columns: predicted class.</param>
public sealed record Evaluation(double Uar, double WeightedAccuracy, double MacroF1, IReadOnlyList<double> PerClassRecall, long[][] Confusion, long Utterances)
{
    public static Evaluation From(ClassificationMetrics metrics) => new(
        metrics.Uar, metrics.WeightedAccuracy, metrics.MacroF1,
        [.. metrics.PerClass.Select(c => c.Recall)], metrics.Confusion.ToRows(), metrics.Confusion.Total);
}
