namespace AgCc.Core.Metrics;

/// <summary>
/// The evaluation metrics of a classifier over a task's fixed classes, computed from a confusion
/// matrix with scikit-learn 1.2's semantics (the reference the tests compare against):
/// <list type="bullet">
/// <item><see cref="Uar"/> = balanced_accuracy_score: the mean recall over the classes that have
/// true samples. A class absent from the true labels is left out of the mean (sklearn warns
/// "y_pred contains classes not in y_true" and drops it), so it neither counts as 0 nor as 1.</item>
/// <item><see cref="WeightedAccuracy"/> = accuracy_score: correct / all. SER papers call plain
/// accuracy "weighted accuracy" (each class weighted by its support), the counterpart of UAR; it is
/// not sklearn's sample-weighted anything.</item>
/// <item><see cref="MacroF1"/> = f1_score(labels=range(classes), average='macro', zero_division=0):
/// the plain mean of the per-class F1 over all classes, so a class listed in the task but absent
/// from both truth and predictions counts as 0 — unlike UAR, which skips it.</item>
/// </list>
/// Immutable.
/// </summary>
public sealed class ClassificationMetrics
{
    private ClassificationMetrics(ConfusionMatrix confusion, double uar, double weightedAccuracy, double macroF1, ClassMetrics[] perClass)
    {
        Confusion = confusion;
        Uar = uar;
        WeightedAccuracy = weightedAccuracy;
        MacroF1 = macroF1;
        PerClass = perClass;
    }

    /// <summary>The counts everything here was computed from.</summary>
    public ConfusionMatrix Confusion { get; }

    /// <summary>Unweighted average recall (balanced accuracy): the primary metric of the paper.</summary>
    public double Uar { get; }

    /// <summary>Plain accuracy, correct / total ("weighted accuracy" in SER papers).</summary>
    public double WeightedAccuracy { get; }

    /// <summary>Mean F1 over all the task's classes (zero_division = 0).</summary>
    public double MacroF1 { get; }

    /// <summary>Recall, precision, F1 and support of each class, indexed by class.</summary>
    public IReadOnlyList<ClassMetrics> PerClass { get; }

    /// <summary>The metrics of predictions against true classes, both class indices in [0, classes).</summary>
    public static ClassificationMetrics From(IReadOnlyList<int> trueClasses, IReadOnlyList<int> predictedClasses, int classes) =>
        From(ConfusionMatrix.FromPredictions(trueClasses, predictedClasses, classes));

    /// <summary>The metrics of a confusion matrix; it must count at least one sample (UAR is undefined otherwise).</summary>
    public static ClassificationMetrics From(ConfusionMatrix confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        if (confusion.Total == 0)
            throw new ArgumentException("the confusion matrix counts no samples; UAR and accuracy are undefined", nameof(confusion));

        var classes = confusion.Classes;
        var perClass = new ClassMetrics[classes];
        for (var k = 0; k < classes; k++)
        {
            var correct = (double)confusion[k, k];
            var support = confusion.Support(k);
            var predicted = confusion.Predicted(k);
            var recall = support == 0 ? 0.0 : correct / support;
            var precision = predicted == 0 ? 0.0 : correct / predicted;
            // sklearn's order of operations: (1 + β²)·P·R / (β²·P + R) with β = 1.
            var denominator = precision + recall;
            var f1 = denominator == 0 ? 0.0 : 2.0 * precision * recall / denominator;
            perClass[k] = new ClassMetrics(recall, precision, f1, support, predicted);
        }

        var recallSum = 0.0;
        var present = 0;
        var f1Sum = 0.0;
        foreach (var c in perClass)
        {
            f1Sum += c.F1;
            if (c.Support == 0) continue;
            recallSum += c.Recall;
            present++;
        }
        var uar = recallSum / present; // present ≥ 1: Total > 0
        var weightedAccuracy = (double)confusion.Correct / confusion.Total;
        return new ClassificationMetrics(confusion, uar, weightedAccuracy, f1Sum / classes, perClass);
    }
}
