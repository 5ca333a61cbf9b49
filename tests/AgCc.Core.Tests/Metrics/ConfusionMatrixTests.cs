using AgCc.Core.Metrics;

namespace AgCc.Core.Tests.Metrics;

/// <summary>Shape, merging and bad input of ConfusionMatrix (the sklearn comparison is in ClassificationMetricsTests).</summary>
[Trait("Category", Categories.Unit)]
public class ConfusionMatrixTests
{
    [Fact]
    public void Rows_are_true_classes_and_columns_predicted_classes()
    {
        var m = ConfusionMatrix.FromPredictions([0, 0, 1, 2], [1, 1, 1, 0], 3);
        Assert.Equal(2, m[0, 1]);
        Assert.Equal(1, m[2, 0]);
        Assert.Equal(0, m[1, 0]);
        Assert.Equal(2, m.Support(0));
        Assert.Equal(3, m.Predicted(1));
        Assert.Equal(0, m.Predicted(2));
        Assert.Equal(1, m.Correct);
        Assert.Equal(4, m.Total);
    }

    [Fact]
    public void Classes_absent_from_the_data_keep_their_row_and_column()
    {
        var m = ConfusionMatrix.FromPredictions([0, 1], [0, 1], 4);
        Assert.Equal(4, m.Classes);
        Assert.All(m.ToRows(), row => Assert.Equal(4, row.Length));
        Assert.Equal(0, m.Support(3));
    }

    [Fact]
    public void Add_merges_counts_of_parts_into_the_counts_of_the_whole()
    {
        int[] t = [0, 1, 1, 2, 3, 3, 0];
        int[] p = [0, 1, 2, 2, 3, 0, 1];
        var whole = ConfusionMatrix.FromPredictions(t, p, 4);
        var merged = ConfusionMatrix.FromPredictions(t[..3], p[..3], 4).Add(ConfusionMatrix.FromPredictions(t[3..], p[3..], 4));
        Assert.Equal(whole.ToRows(), merged.ToRows());
    }

    [Fact]
    public void From_counts_round_trips_to_rows()
    {
        long[][] rows = [[3, 1], [0, 5]];
        var m = ConfusionMatrix.FromCounts(rows);
        Assert.Equal(rows, m.ToRows());
        Assert.Equal(9, m.Total);
        Assert.Equal(8, m.Correct);
    }

    [Fact]
    public void Mismatched_lengths_throw_naming_the_predictions()
    {
        var error = Assert.Throws<ArgumentException>(() => ConfusionMatrix.FromPredictions([0, 1, 1], [0, 1], 2));
        Assert.Equal("predictedClasses", error.ParamName);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void True_class_out_of_range_throws_naming_the_true_classes(int bad)
    {
        var error = Assert.Throws<ArgumentException>(() => ConfusionMatrix.FromPredictions([0, bad], [0, 1], 2));
        Assert.Equal("trueClasses", error.ParamName);
        Assert.Contains("trueClasses[1]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void Predicted_class_out_of_range_throws_naming_the_predictions(int bad)
    {
        var error = Assert.Throws<ArgumentException>(() => ConfusionMatrix.FromPredictions([0, 1], [bad, 1], 2));
        Assert.Equal("predictedClasses", error.ParamName);
        Assert.Contains("predictedClasses[0]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Class_count_below_one_throws_naming_it(int classes)
    {
        var error = Assert.Throws<ArgumentException>(() => ConfusionMatrix.FromPredictions([], [], classes));
        Assert.Equal("classes", error.ParamName);
    }

    [Fact]
    public void Indexer_out_of_range_throws_naming_the_index()
    {
        var m = ConfusionMatrix.FromPredictions([0], [0], 2);
        Assert.Equal("predictedClass", Assert.Throws<ArgumentException>(() => m[0, 2]).ParamName);
        Assert.Equal("trueClass", Assert.Throws<ArgumentException>(() => m.Support(-1)).ParamName);
    }

    [Fact]
    public void Bad_counts_throw_naming_them()
    {
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => ConfusionMatrix.FromCounts([[1, 2], [3]])).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => ConfusionMatrix.FromCounts([[1, -2], [3, 4]])).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => ConfusionMatrix.FromCounts([])).ParamName);
    }

    [Fact]
    public void Adding_a_matrix_of_another_task_throws_naming_it()
    {
        var two = ConfusionMatrix.FromPredictions([0], [0], 2);
        var four = ConfusionMatrix.FromPredictions([0], [0], 4);
        Assert.Equal("other", Assert.Throws<ArgumentException>(() => two.Add(four)).ParamName);
    }
}
