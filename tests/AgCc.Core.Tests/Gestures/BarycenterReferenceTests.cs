using AgCc.Core.Gestures;
using Xunit.Abstractions;
using static AgCc.Core.Tests.Gestures.SoftDtwReference;

namespace AgCc.Core.Tests.Gestures;

/// <summary>The soft-DTW barycentre of a 10-series group against tslearn's softdtw_barycenter.</summary>
[Trait("Category", Categories.Unit)]
public class BarycenterReferenceTests(ITestOutputHelper output)
{
    public static TheoryData<string> GammaKeys => [.. Gammas];

    private static List<TimeSeries> Group() =>
        [.. Ints(Json("small_barycenter.json").GetProperty("group_ids")).Select(i => Small.Series[i])];

    [Fact]
    public void The_start_is_tslearns_euclidean_mean_of_the_resampled_members()
    {
        var expected = Series(Json("small_barycenter.json").GetProperty("init"));
        var start = SoftDtwBarycenter.EuclideanMeanStart(Group());
        Assert.Equal(expected.Length, start.Length);
        for (var i = 0; i < start.Values.Length; i++) Assert.Equal(expected.Values[i], start.Values[i], 1e-13);
    }

    [Theory]
    [MemberData(nameof(GammaKeys))]
    public void The_objective_is_no_worse_than_tslearns_at_the_same_tolerance(string key)
    {
        var reference = Json("small_barycenter.json").GetProperty("per_gamma").GetProperty(key);
        var gamma = GammaOf(key);
        var group = Group();
        var start = SoftDtwBarycenter.EuclideanMeanStart(group);
        var initial = SoftDtwBarycenter.ObjectiveAt(group, start, gamma);
        Assert.Equal(reference.GetProperty("objective_init").GetDouble(), initial, Math.Abs(initial) * 1e-12);

        var result = SoftDtwBarycenter.Compute(group, gamma, maxIterations: 100, tolerance: 1e-3);
        var target = reference.GetProperty("objective_final").GetDouble();
        var converged = reference.GetProperty("converged_reference");
        output.WriteLine($"{key}: objective {result.Objective:R} (tslearn {target:R}, init {initial:R}), " +
            $"{result.Iterations} iterations, {result.Evaluations} evaluations (tslearn {reference.GetProperty("nfev").GetInt32()}), stop {result.Stop}; " +
            $"converged reference {converged.GetProperty("objective").GetDouble():R}");
        Assert.Equal(result.Objective, SoftDtwBarycenter.ObjectiveAt(group, result.Center, gamma), Math.Abs(result.Objective) * 1e-12);
        // "No worse", up to the 1e-14 by which tslearn's |x|²+|y|²−2x·y cost differs from Σ(x−y)².
        Assert.True(result.Objective <= target + Math.Abs(target) * 1e-12, $"objective {result.Objective:R} is worse than tslearn's {target:R}");
    }

    [Theory]
    [MemberData(nameof(GammaKeys))]
    public void A_tight_tolerance_reaches_the_converged_reference(string key)
    {
        var converged = Json("small_barycenter.json").GetProperty("per_gamma").GetProperty(key).GetProperty("converged_reference");
        var target = converged.GetProperty("objective").GetDouble();
        var result = SoftDtwBarycenter.Compute(Group(), GammaOf(key), maxIterations: 5000, tolerance: 1e-10);
        output.WriteLine($"{key}: objective {result.Objective:R} vs converged {target:R} ({result.Iterations} iterations, stop {result.Stop})");
        Assert.True(result.Objective <= target + Math.Abs(target) * 1e-6, $"objective {result.Objective:R} vs {target:R}");
    }
}
