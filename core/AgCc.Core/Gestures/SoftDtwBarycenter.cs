namespace AgCc.Core.Gestures;

public sealed record BarycenterResult(TimeSeries Center, double Objective, int Iterations, int Evaluations, LbfgsStop Stop);

/// <summary>
/// The soft-DTW barycentre as tslearn's softdtw_barycenter computes it: Z minimising
/// Σ_i sdtw(Z, x_i) (weights 1) by L-BFGS from an initial Z, tol 1e-3 on the relative decrease and
/// on the gradient, at most max_iter iterations. The sum is a <see cref="BarycenterObjective"/>, so
/// the result does not depend on the number of threads.
/// </summary>
public static class SoftDtwBarycenter
{
        /// <summary>tslearn's default start: the Euclidean mean of the members resampled to the longest length.</summary>
    public static TimeSeries EuclideanMeanStart(IReadOnlyList<TimeSeries> members)
    {
        if (members.Count == 0) throw new ArgumentException("a barycentre needs at least one series", nameof(members));
        var length = members.Max(m => m.Length);
        var d = members[0].Dimensions;
        var sum = new double[length * d];
        foreach (var member in members)
        {
            var resampled = member.Length == length ? member : Resampling.Linear(member, length);
            for (var i = 0; i < sum.Length; i++) sum[i] += resampled.Values[i];
        }
        for (var i = 0; i < sum.Length; i++) sum[i] /= members.Count;
        return new TimeSeries(length, d, sum);
    }

    public static BarycenterResult Compute(IReadOnlyList<TimeSeries> members, double gamma, int maxIterations = 100, double tolerance = 1e-3) =>
        Compute(members, EuclideanMeanStart(members), gamma, maxIterations, tolerance);

    public static BarycenterResult Compute(IReadOnlyList<TimeSeries> members, TimeSeries start, double gamma, int maxIterations = 100, double tolerance = 1e-3,
        ParallelOptions? parallel = null)
    {
        if (members.Count == 0) throw new ArgumentException("a barycentre needs at least one series", nameof(members));
        foreach (var member in members)
            if (member.Dimensions != start.Dimensions) throw new ArgumentException($"dimensions differ: {member.Dimensions} and {start.Dimensions}");
        var objective = new BarycenterObjective(members, start.Length, start.Dimensions, gamma, parallel);
        var result = Lbfgs.Minimize(objective.Evaluate, start.Values,
            new LbfgsOptions(MaxIterations: maxIterations, FunctionTolerance: tolerance, GradientTolerance: tolerance));
        return new BarycenterResult(new TimeSeries(start.Length, start.Dimensions, result.X), result.Value, result.Iterations, result.Evaluations, result.Stop);
    }

    /// <summary>Σ_i sdtw(z, x_i) at z (no optimisation).</summary>
    public static double ObjectiveAt(IReadOnlyList<TimeSeries> members, TimeSeries z, double gamma)
    {
        var values = new double[members.Count];
        Parallel.For(0, members.Count, i => values[i] = SoftDtw.Value(z, members[i], gamma));
        var sum = 0.0;
        foreach (var value in values) sum += value;
        return sum;
    }
}
