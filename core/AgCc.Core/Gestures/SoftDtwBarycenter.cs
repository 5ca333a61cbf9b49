namespace AgCc.Core.Gestures;

public sealed record BarycenterResult(TimeSeries Center, double Objective, int Iterations, int Evaluations, LbfgsStop Stop);

/// <summary>
/// The soft-DTW barycentre as tslearn's softdtw_barycenter computes it: Z minimising
/// Σ_i sdtw(Z, x_i) (weights 1) by L-BFGS from an initial Z, tol 1e-3 on the relative decrease and
/// on the gradient, at most max_iter iterations. Members are evaluated in fixed chunks of
/// <see cref="ChunkSize"/>, in parallel, and the chunk sums are added in chunk order, so the result
/// does not depend on the number of threads.
/// </summary>
public static class SoftDtwBarycenter
{
    public const int ChunkSize = 8;

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
        var objective = new SumObjective(members, start.Length, start.Dimensions, gamma, parallel ?? new ParallelOptions());
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

    /// <summary>The objective and gradient, chunked for a thread-count-independent reduction.</summary>
    private sealed class SumObjective
    {
        private readonly IReadOnlyList<TimeSeries> members;
        private readonly int length;
        private readonly int dimensions;
        private readonly double gamma;
        private readonly double[][] chunkGradients;
        private readonly double[] chunkValues;
        private readonly ParallelOptions parallel;

        public SumObjective(IReadOnlyList<TimeSeries> members, int length, int dimensions, double gamma, ParallelOptions parallel)
        {
            // Shortest first, so the four members of a lane batch have similar lengths (less padding);
            // a stable order of the input, so the sums do not depend on anything else.
            this.members = [.. members.Select((m, i) => (m, i)).OrderBy(p => p.m.Length).ThenBy(p => p.i).Select(p => p.m)];
            this.length = length;
            this.dimensions = dimensions;
            this.gamma = gamma;
            this.parallel = parallel;
            var chunks = (members.Count + ChunkSize - 1) / ChunkSize;
            chunkGradients = new double[chunks][];
            for (var c = 0; c < chunks; c++) chunkGradients[c] = new double[length * dimensions * (1 + SoftDtwBatch.Lanes)]; // sum, then lane scratch
            chunkValues = new double[chunks];
        }

        public double Evaluate(double[] point, double[] gradient)
        {
            var size = length * dimensions;
            var z = new TimeSeries(length, dimensions, point);
            Parallel.For(0, chunkValues.Length, parallel, c =>
            {
                var buffer = chunkGradients[c];
                var sum = buffer.AsSpan(0, size);
                var scratch = buffer.AsSpan(size, size * SoftDtwBatch.Lanes);
                Span<double> values = stackalloc double[SoftDtwBatch.Lanes];
                sum.Clear();
                var value = 0.0;
                var end = Math.Min(members.Count, (c + 1) * ChunkSize);
                for (var first = c * ChunkSize; first < end; first += SoftDtwBatch.Lanes)
                {
                    var count = Math.Min(SoftDtwBatch.Lanes, end - first);
                    if (SoftDtwBatch.IsAccelerated)
                    {
                        SoftDtwBatch.ValuesAndGradients(z, members, first, count, gamma, values, scratch);
                    }
                    else
                    {
                        for (var l = 0; l < count; l++)
                        {
                            var x = members[first + l];
                            values[l] = SoftDtw.ValueAndGradient(point, length, x.Values, x.Length, dimensions, gamma, scratch.Slice(l * size, size), []);
                        }
                    }
                    for (var l = 0; l < count; l++)
                    {
                        value += values[l];
                        var lane = scratch.Slice(l * size, size);
                        for (var k = 0; k < size; k++) sum[k] += lane[k];
                    }
                }
                chunkValues[c] = value;
            });
            Array.Clear(gradient);
            var total = 0.0;
            for (var c = 0; c < chunkValues.Length; c++)
            {
                total += chunkValues[c];
                var sum = chunkGradients[c].AsSpan(0, size);
                for (var k = 0; k < size; k++) gradient[k] += sum[k];
            }
            return total;
        }
    }
}
