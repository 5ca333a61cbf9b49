using AgCc.Core.Metrics;

namespace AgCc.Core.Tests.Metrics;

/// <summary>
/// Every number of every case in classification_metrics.json (scikit-learn 1.2.1) within 1e-12:
/// confusion matrix, balanced accuracy (UAR), accuracy (WA), macro-F1 and per-class recall,
/// precision, F1 and support, including a class never predicted, a class absent from y_true and
/// a class absent from both.
/// </summary>
[Trait("Category", Categories.Unit)]
public class ClassificationMetricsTests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<string> Cases => [.. MetricsCase.Names];

    [Fact]
    public void Fixture_holds_the_cases_the_brief_asks_for()
    {
        var names = MetricsCase.Names.ToHashSet();
        Assert.Contains("balanced_4class", names);
        Assert.Contains("imbalanced_4class", names);
        Assert.Contains("balanced_2class", names);
        Assert.Contains("imbalanced_2class", names);
        Assert.Contains("never_predicted_4class", names);
        Assert.Contains("absent_from_true_4class", names);
        Assert.Contains("absent_everywhere_4class", names);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Confusion_matrix_matches_sklearn(string name)
    {
        var c = MetricsCase.Get(name);
        var matrix = ConfusionMatrix.FromPredictions(c.YTrue, c.YPred, c.Classes);
        Assert.Equal(c.Classes, matrix.Classes);
        Assert.Equal(c.ConfusionMatrix, matrix.ToRows());
        for (var t = 0; t < c.Classes; t++)
            for (var p = 0; p < c.Classes; p++)
                Assert.Equal(c.ConfusionMatrix[t][p], matrix[t, p]);
        Assert.Equal(c.YTrue.Length, matrix.Total);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Summary_metrics_match_sklearn(string name)
    {
        var c = MetricsCase.Get(name);
        var metrics = ClassificationMetrics.From(c.YTrue, c.YPred, c.Classes);
        AssertClose(c.BalancedAccuracy, metrics.Uar, "UAR vs balanced_accuracy_score");
        AssertClose(c.Accuracy, metrics.WeightedAccuracy, "WA vs accuracy_score");
        AssertClose(c.F1Macro, metrics.MacroF1, "macro-F1 vs f1_score");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Per_class_metrics_match_sklearn(string name)
    {
        var c = MetricsCase.Get(name);
        var metrics = ClassificationMetrics.From(c.YTrue, c.YPred, c.Classes);
        Assert.Equal(c.Classes, metrics.PerClass.Count);
        for (var k = 0; k < c.Classes; k++)
        {
            var m = metrics.PerClass[k];
            AssertClose(c.Recall[k], m.Recall, $"recall[{k}]");
            AssertClose(c.Precision[k], m.Precision, $"precision[{k}]");
            AssertClose(c.F1[k], m.F1, $"f1[{k}]");
            Assert.Equal(c.Support[k], m.Support);
            Assert.Equal(c.ConfusionMatrix.Sum(row => row[k]), m.Predicted);
        }
    }

    [Fact]
    public void Class_absent_from_truth_is_left_out_of_uar_but_counts_as_zero_in_macro_f1()
    {
        var c = MetricsCase.Get("absent_from_true_4class");
        Assert.Equal(0, c.Support[3]);
        var metrics = ClassificationMetrics.From(c.YTrue, c.YPred, c.Classes);
        Assert.True(metrics.PerClass[3].Predicted > 0);
        AssertClose(metrics.PerClass.Take(3).Average(m => m.Recall), metrics.Uar, "UAR over the 3 present classes");
        Assert.Equal(0.0, metrics.PerClass[3].F1);
        AssertClose(metrics.PerClass.Average(m => m.F1), metrics.MacroF1, "macro-F1 over all 4 classes");
    }

    [Fact]
    public void Class_never_predicted_has_precision_recall_and_f1_zero()
    {
        var c = MetricsCase.Get("never_predicted_4class");
        var metrics = ClassificationMetrics.From(c.YTrue, c.YPred, c.Classes);
        Assert.Equal(0, metrics.PerClass[2].Predicted);
        Assert.Equal(0.0, metrics.PerClass[2].Precision);
        Assert.Equal(0.0, metrics.PerClass[2].Recall);
        Assert.Equal(0.0, metrics.PerClass[2].F1);
    }

    [Fact]
    public void Metrics_from_stored_counts_equal_metrics_from_predictions()
    {
        var c = MetricsCase.Get("imbalanced_4class");
        var fromCounts = ClassificationMetrics.From(ConfusionMatrix.FromCounts(c.ConfusionMatrix));
        var fromPredictions = ClassificationMetrics.From(c.YTrue, c.YPred, c.Classes);
        Assert.Equal(fromPredictions.Uar, fromCounts.Uar);
        Assert.Equal(fromPredictions.WeightedAccuracy, fromCounts.WeightedAccuracy);
        Assert.Equal(fromPredictions.MacroF1, fromCounts.MacroF1);
        Assert.Equal(fromPredictions.PerClass, fromCounts.PerClass);
    }

    [Fact]
    public void No_samples_throws_naming_the_matrix()
    {
        var empty = ConfusionMatrix.FromPredictions([], [], 4);
        Assert.Equal(0, empty.Total);
        var error = Assert.Throws<ArgumentException>(() => ClassificationMetrics.From(empty));
        Assert.Equal("confusion", error.ParamName);
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance, $"{what}: expected {expected:R}, got {actual:R}");
}
