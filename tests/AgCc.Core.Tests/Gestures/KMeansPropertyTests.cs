using AgCc.Core.Gestures;
using static AgCc.Core.Tests.Gestures.SoftDtwReference;

namespace AgCc.Core.Tests.Gestures;

/// <summary>Determinism, seeding and empty clusters of the soft-DTW k-means.</summary>
[Trait("Category", Categories.Unit)]
public class KMeansPropertyTests
{
    private static readonly TimeSeries[] Subset = [.. Small.Series.Take(60)];

    private static TimeSeriesKMeansOptions Options(int threads) => new()
    {
        Clusters = 5,
        Gamma = 1.0,
        MaxIterations = 4,
        Init = KMeansInit.KMeansPlusPlus,
        Seed = 3,
        MaxDegreeOfParallelism = threads,
    };

    [Fact]
    public void The_result_is_the_same_whatever_the_thread_count()
    {
        var one = TimeSeriesKMeans.Fit(Subset, Options(1));
        var all = TimeSeriesKMeans.Fit(Subset, Options(-1));
        var three = TimeSeriesKMeans.Fit(Subset, Options(3));
        foreach (var other in new[] { all, three })
        {
            Assert.Equal(one.Inertia, other.Inertia); // bit for bit
            Assert.Equal(one.Labels, other.Labels);
            Assert.Equal(one.Iterations, other.Iterations);
            for (var c = 0; c < one.Centers.Count; c++) Assert.Equal(one.Centers[c].Values, other.Centers[c].Values);
        }
    }

    [Fact]
    public void Kmeans_plus_plus_is_reproducible_for_a_seed_and_picks_distinct_series()
    {
        var a = KMeansPlusPlus.Choose(Subset, 8, 1.0, seed: 5);
        var b = KMeansPlusPlus.Choose(Subset, 8, 1.0, seed: 5, new ParallelOptions { MaxDegreeOfParallelism = 1 });
        var c = KMeansPlusPlus.Choose(Subset, 8, 1.0, seed: 6);
        Assert.Equal(a, b);
        Assert.Equal(8, a.Distinct().Count());
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Centres_have_the_longest_length_and_labels_follow_the_final_centres()
    {
        var result = TimeSeriesKMeans.Fit(Subset, Options(-1) with { Init = KMeansInit.First });
        var longest = Subset.Max(s => s.Length);
        Assert.All(result.Centers, c => Assert.Equal(longest, c.Length));
        Assert.Equal(result.Iterations, result.InertiaTrace.Count);
        Assert.Equal(result.Inertia, result.InertiaTrace[^1]);
        for (var i = 0; i < Subset.Length; i++)
        {
            var row = result.Distances[i];
            Assert.Equal(Array.IndexOf(row, row.Min()), result.Labels[i]);
            Assert.Equal(SoftDtw.Value(Subset[i], result.Centers[result.Labels[i]], 1.0), row[result.Labels[i]], Math.Abs(row[result.Labels[i]]) * 1e-12);
        }
    }

    [Fact]
    public void An_empty_cluster_takes_the_worst_fitting_series()
    {
        // Two identical initial centres: the second can never win a series (argmin takes the first).
        var centres = new[] { Subset[0], Subset[0], Subset[1] };
        var result = TimeSeriesKMeans.Fit(Subset, new TimeSeriesKMeansOptions { Clusters = 3, Gamma = 1.0, MaxIterations = 3, InitialCenters = centres });
        Assert.True(result.EmptyClustersRefilled >= 1);
        Assert.True(double.IsFinite(result.Inertia));
        Assert.All(result.Centers, c => Assert.DoesNotContain(c.Values, v => !double.IsFinite(v)));
    }

    [Fact]
    public void Bad_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeSeriesKMeans.Fit(Subset[..3], new TimeSeriesKMeansOptions { Clusters = 4 }));
        Assert.Throws<ArgumentException>(() => TimeSeriesKMeans.Fit(Subset, new TimeSeriesKMeansOptions { Clusters = 3, InitialCenters = [Subset[0]] }));
    }
}
