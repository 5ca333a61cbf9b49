namespace AgCc.Core.Gestures;

/// <summary>
/// <see cref="IKMeansPartitions"/> in this process: the series split into contiguous, nearly equal
/// partitions, each computed in parallel over the cores. The partition count fixes the order of the
/// barycentre sums, so a fit here equals a fit over partition grains with the same split.
/// </summary>
public sealed class LocalKMeansPartitions : IKMeansPartitions
{
    private readonly KMeansPartition[] partitions;

    public LocalKMeansPartitions(IReadOnlyList<TimeSeries> series, int partitions, ParallelOptions? parallel = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        this.partitions = [.. Split(series.Count, partitions).Select(r => new KMeansPartition([.. series.Skip(r.Offset).Take(r.Count)], parallel))];
    }

    /// <summary>Contiguous ranges covering 0..n−1: the first n mod p ranges one longer.</summary>
    public static (int Offset, int Count)[] Split(int n, int partitions)
    {
        var ranges = new (int, int)[partitions];
        var offset = 0;
        for (var p = 0; p < partitions; p++)
        {
            var count = n / partitions + (p < n % partitions ? 1 : 0);
            ranges[p] = (offset, count);
            offset += count;
        }
        return ranges;
    }

    public int Count => partitions.Length;

    public ValueTask<KMeansPartitionShape> ShapeAsync(int partition, CancellationToken cancellationToken) =>
        ValueTask.FromResult(partitions[partition].Shape);

    public ValueTask<TimeSeries> SeriesAsync(int partition, int index, CancellationToken cancellationToken) =>
        ValueTask.FromResult(partitions[partition][index]);

    public ValueTask<double[]> SelfValuesAsync(int partition, double gamma, CancellationToken cancellationToken) =>
        ValueTask.FromResult(partitions[partition].SelfValues(gamma));

    public ValueTask<double[]> ValuesToAsync(int partition, TimeSeries center, double gamma, CancellationToken cancellationToken) =>
        ValueTask.FromResult(partitions[partition].ValuesTo(center, gamma));

    public ValueTask<KMeansAssignment> AssignAsync(int partition, IReadOnlyList<TimeSeries> centers, double gamma, CancellationToken cancellationToken) =>
        ValueTask.FromResult(partitions[partition].Assign(centers, gamma));

    public ValueTask<BarycenterPartial[]> EvaluateAsync(int partition, int[] labels, IReadOnlyList<BarycenterRequest> requests, double gamma, CancellationToken cancellationToken)
    {
        // One partition at a time: each uses every core, and sharing a partition's buffers would race.
        lock (partitions[partition]) return ValueTask.FromResult(partitions[partition].Evaluate(labels, requests, gamma));
    }
}
