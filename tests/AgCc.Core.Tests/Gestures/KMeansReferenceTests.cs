using System.Diagnostics;
using AgCc.Core.Gestures;
using Xunit.Abstractions;
using static AgCc.Core.Tests.Gestures.SoftDtwReference;

namespace AgCc.Core.Tests.Gestures;

/// <summary>
/// Whole fits against tslearn's TimeSeriesKMeans(metric="softdtw", init=X[:10]) on the 200-series
/// set: inertia within 2%, adjusted Rand index ≥ 0.9 against its labels.
/// </summary>
[Trait("Category", Categories.Unit)]
public class KMeansReferenceTests(ITestOutputHelper output)
{
    public static TheoryData<string> GammaKeys => [.. Gammas];

    private static JsonReference Reference(string key) => new(Json($"small_kmeans_{key}.json"));

    private static TimeSeriesKMeansOptions Options(string key) => new()
    {
        Clusters = 10,
        Gamma = GammaOf(key),
        MaxIterations = 50,
        MaxIterationsBarycenter = 100,
        Tolerance = 1e-6,
        InitialCenters = [.. Small.Series.Take(10)],
    };

    [Theory]
    [MemberData(nameof(GammaKeys))]
    public void Explicit_initial_centres_are_resampled_like_tslearn(string key)
    {
        var expected = Reference(key).Element.GetProperty("init_centers_resampled").EnumerateArray().Select(Series).ToArray();
        for (var c = 0; c < 10; c++)
        {
            var actual = Resampling.Linear(Small.Series[c], Small.MaxLength);
            Assert.Equal(expected[c].Length, actual.Length);
            for (var i = 0; i < actual.Values.Length; i++) Assert.Equal(expected[c].Values[i], actual.Values[i], 1e-15);
        }
    }

    [Theory]
    [MemberData(nameof(GammaKeys))]
    public void Distances_to_tslearns_final_centres_give_its_labels(string key)
    {
        var reference = Reference(key).Element;
        var centers = reference.GetProperty("final_centers").EnumerateArray().Select(Series).ToList();
        var labels = Ints(reference.GetProperty("labels"));
        var expected = reference.GetProperty("final_distances_to_centers").EnumerateArray().Select(Doubles).ToArray();
        var distances = SoftDtw.Matrix(Small.Series, centers, GammaOf(key));
        var worst = 0.0;
        for (var i = 0; i < distances.Length; i++)
        {
            for (var c = 0; c < centers.Count; c++) worst = Math.Max(worst, SoftDtwReferenceTests.RelativeError(distances[i][c], expected[i][c]));
            Assert.Equal(labels[i], Array.IndexOf(distances[i], distances[i].Min()));
        }
        output.WriteLine($"{key}: max relative error of the 200×10 distances {worst:E2}");
        Assert.True(worst <= 1e-9);
    }

    [Theory]
    [MemberData(nameof(GammaKeys))]
    public void A_fit_from_the_same_centres_matches_tslearn(string key)
    {
        var reference = Reference(key).Element;
        var watch = Stopwatch.StartNew();
        var result = TimeSeriesKMeans.Fit(Small.Series, Options(key));
        watch.Stop();
        var expectedInertia = reference.GetProperty("inertia").GetDouble();
        var expectedLabels = Ints(reference.GetProperty("labels"));
        var ratio = result.Inertia / expectedInertia;
        var ari = AdjustedRandIndex.Compute(result.Labels, expectedLabels);
        var trueLabels = File.ReadLines(Path.Combine(Folder, "small_labels.csv")).Skip(1).Select(l => int.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        output.WriteLine($"{key}: inertia {result.Inertia:R} vs tslearn {expectedInertia:R} (ratio {ratio:F6}), ARI vs tslearn {ari:F4}, " +
            $"ARI vs truth {AdjustedRandIndex.Compute(result.Labels, trueLabels):F4} (tslearn {reference.GetProperty("ari_vs_true_labels").GetDouble():F4}), " +
            $"{result.Iterations} iterations (tslearn {reference.GetProperty("n_iter").GetInt32()}), {watch.Elapsed.TotalSeconds:F2} s, empty refills {result.EmptyClustersRefilled}");
        Assert.InRange(ratio, 0.98, 1.02);
        Assert.True(ari >= 0.9, $"ARI {ari:F4}");
    }

    private readonly record struct JsonReference(System.Text.Json.JsonElement Element);
}
