namespace AgCc.Core.Gestures;

/// <summary>
/// Σ_i sdtw(z, x_i) over a fixed set of members and its gradient with respect to z, the quantity a
/// soft-DTW barycentre minimises. Members are taken shortest first (so the four of a lane batch
/// have similar lengths) in a stable order, evaluated in fixed chunks of <see cref="ChunkSize"/> in
/// parallel, and the chunk sums are added in chunk order: the result does not depend on the number
/// of threads. Buffers are allocated once; <see cref="Evaluate"/> allocates nothing.
/// </summary>
public sealed class BarycenterObjective
{
    public const int ChunkSize = 8;

    private readonly TimeSeries[] members;
    private readonly int length;
    private readonly int dimensions;
    private readonly double gamma;
    private readonly double[][] chunkGradients;
    private readonly double[] chunkValues;
    private readonly ParallelOptions parallel;

    public BarycenterObjective(IReadOnlyList<TimeSeries> members, int length, int dimensions, double gamma, ParallelOptions? parallel = null)
    {
        this.members = [.. members.Select((m, i) => (m, i)).OrderBy(p => p.m.Length).ThenBy(p => p.i).Select(p => p.m)];
        this.length = length;
        this.dimensions = dimensions;
        this.gamma = gamma;
        this.parallel = parallel ?? new ParallelOptions();
        var chunks = (members.Count + ChunkSize - 1) / ChunkSize;
        chunkGradients = new double[chunks][];
        for (var c = 0; c < chunks; c++) chunkGradients[c] = new double[length * dimensions * (1 + SoftDtwBatch.Lanes)]; // sum, then lane scratch
        chunkValues = new double[chunks];
    }

    public int Count => members.Length;

    /// <summary>Returns the sum at <paramref name="point"/> (length × dimensions, row-major) and writes its gradient.</summary>
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
            var end = Math.Min(members.Length, (c + 1) * ChunkSize);
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
