using AgCc.Core.Corpora;
using AgCc.Dashboard.Gestures;
using AgCc.Grains.Gestures;

namespace AgCc.Dashboard.Tests;

[Trait("Category", "Unit")]
public class GesturesHeatmapTests
{
    [Fact]
    public void The_scale_runs_from_the_first_stop_at_zero_to_the_last_at_the_maximum()
    {
        Assert.Equal(HeatmapScale.Stops[0], HeatmapScale.Color(0, 10));
        Assert.Equal(HeatmapScale.Stops[^1], HeatmapScale.Color(10, 10));
        Assert.Equal(HeatmapScale.Stops[4], HeatmapScale.Color(5, 10));
    }

    [Fact]
    public void Values_between_stops_are_interpolated_and_out_of_range_values_clamped()
    {
        // Halfway between #f7fbff and #deebf7 (the first two of eight steps).
        Assert.Equal("#ebf3fb", HeatmapScale.Color(1.0 / 16, 1));
        Assert.Equal(HeatmapScale.Stops[0], HeatmapScale.Color(-3, 1));
        Assert.Equal(HeatmapScale.Stops[^1], HeatmapScale.Color(7, 1));
    }

    [Fact]
    public void Darker_values_never_get_lighter()
    {
        string? previous = null;
        for (var i = 0; i <= 100; i++)
        {
            var color = HeatmapScale.Color(i, 100);
            if (previous is not null) Assert.True(Brightness(color) <= Brightness(previous), $"{color} after {previous}");
            previous = color;
        }

        static int Brightness(string hex) => Convert.ToInt32(hex[1..3], 16) + Convert.ToInt32(hex[3..5], 16) + Convert.ToInt32(hex[5..7], 16);
    }

    [Fact]
    public void Missing_values_and_an_empty_scale_have_their_own_colours()
    {
        Assert.Equal(HeatmapScale.Missing, HeatmapScale.Color(double.NaN, 1));
        Assert.Equal(HeatmapScale.Stops[0], HeatmapScale.Color(0, 0));
        Assert.Equal(HeatmapScale.Stops[0], HeatmapScale.Color(5, double.NaN));
    }

    [Fact]
    public void Text_is_dark_on_light_cells_and_white_on_dark_ones()
    {
        Assert.Equal("#212121", HeatmapScale.TextColor(HeatmapScale.Stops[0]));
        Assert.Equal("#212121", HeatmapScale.TextColor(HeatmapScale.Missing));
        Assert.Equal("#ffffff", HeatmapScale.TextColor(HeatmapScale.Stops[^1]));
        Assert.Equal("#ffffff", HeatmapScale.TextColor(HeatmapScale.Stops[6]));
    }

    [Fact]
    public void The_legend_gradient_names_every_stop_in_order()
    {
        var gradient = HeatmapScale.Gradient();
        Assert.StartsWith("linear-gradient(to right, #f7fbff 0%, #deebf7 12.5%", gradient);
        Assert.EndsWith("#08306b 100%)", gradient);
    }

    private static GestureClusterStatistics Cluster(int cluster, params (string Corpus, Emotion Emotion, int Count)[] counts)
    {
        var byCorpus = counts.GroupBy(c => c.Corpus).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var emotions = counts.GroupBy(c => c.Corpus).ToDictionary(
            g => g.Key, g => (IReadOnlyDictionary<Emotion, int>)g.ToDictionary(c => c.Emotion, c => c.Count));
        return new GestureClusterStatistics(cluster, byCorpus.Values.Sum(), byCorpus, emotions, new Dictionary<string, int>(), byCorpus.Count > 1, null);
    }

    private static readonly GestureClusterStatistics[] Clusters =
    [
        // Listed out of order: the matrix sorts by cluster number.
        Cluster(1, ("a", Emotion.Anger, 1), ("a", Emotion.Neutral, 6), ("b", Emotion.Sadness, 5)),
        Cluster(0, ("a", Emotion.Anger, 3), ("a", Emotion.Neutral, 2), ("b", Emotion.Sadness, 5)),
        Cluster(2, ("b", Emotion.Happiness, 4)),
    ];

    [Fact]
    public void A_cell_is_the_share_of_the_corpus_segments_of_the_emotion_in_the_cluster()
    {
        var a = ClusterEmotionMatrix.For(Clusters, "a");
        Assert.Equal([0, 1, 2], a.Clusters);
        Assert.Equal([Emotion.Neutral, Emotion.Anger], a.Emotions);
        Assert.Equal(new HeatmapCell(2, 8), a[0, 0]);
        Assert.Equal(0.25, a[0, 0].Share);
        Assert.Equal(0.75, a[0, 1].Share);
        Assert.Equal(new HeatmapCell(0, 4), a[2, 1]);
        Assert.Equal(12, a.Total);
        Assert.Equal(6, a.MaxCount);
        Assert.Equal(0.75, a.MaxShare);
        for (var c = 0; c < a.Emotions.Count; c++)
        {
            Assert.Equal(1.0, Enumerable.Range(0, a.Clusters.Count).Sum(r => a[r, c].Share), 12);
        }
    }

    [Fact]
    public void Each_corpus_has_only_its_own_emotions_and_counts()
    {
        var b = ClusterEmotionMatrix.For(Clusters, "b");
        Assert.Equal([Emotion.Happiness, Emotion.Sadness], b.Emotions);
        Assert.Equal(0.5, b[0, 1].Share);
        Assert.Equal(1.0, b[2, 0].Share);
        Assert.Equal(14, b.Total);
    }

    [Fact]
    public void A_corpus_without_segments_gives_an_empty_matrix()
    {
        var none = ClusterEmotionMatrix.For(Clusters, "c");
        Assert.Empty(none.Emotions);
        Assert.Equal(3, none.Clusters.Count);
        Assert.Equal(0, none.Total);
        Assert.True(double.IsNaN(new HeatmapCell(0, 0).Share));
    }
}
