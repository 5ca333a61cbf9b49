namespace AgCc.Core.Gestures;

/// <summary>
/// The series of a k-means fit, split into partitions that do the heavy work where they live (in
/// this process, or in partition grains on other silos); <see cref="TimeSeriesKMeans.FitAsync"/>
/// coordinates them. Partition p holds the series with global indices
/// [offset_p, offset_p + count_p), partitions in order. Every call is a pure function of its
/// arguments and the partition's series, so a failed call can be repeated anywhere.
/// </summary>
public interface IKMeansPartitions
{
    int Count { get; }

    ValueTask<KMeansPartitionShape> ShapeAsync(int partition, CancellationToken cancellationToken);

    ValueTask<TimeSeries> SeriesAsync(int partition, int index, CancellationToken cancellationToken);

    /// <summary>sdtw(x_i, x_i) for every series of the partition (k-means++ divergences).</summary>
    ValueTask<double[]> SelfValuesAsync(int partition, double gamma, CancellationToken cancellationToken);

    /// <summary>sdtw(x_i, center) for every series of the partition.</summary>
    ValueTask<double[]> ValuesToAsync(int partition, TimeSeries center, double gamma, CancellationToken cancellationToken);

    ValueTask<KMeansAssignment> AssignAsync(int partition, IReadOnlyList<TimeSeries> centers, double gamma, CancellationToken cancellationToken);

    /// <summary>
    /// Per request, Σ sdtw(z, x_i) and its gradient over the partition's series whose label (in
    /// <paramref name="labels"/>, one per series of the partition) is the request's cluster.
    /// </summary>
    ValueTask<BarycenterPartial[]> EvaluateAsync(int partition, int[] labels, IReadOnlyList<BarycenterRequest> requests, double gamma, CancellationToken cancellationToken);
}

/// <param name="Count">Series in the partition.</param>
/// <param name="MaxLength">Its longest series (0 when empty).</param>
public sealed record KMeansPartitionShape(int Count, int MaxLength, int Dimensions);

/// <param name="Labels">Per series, the first centre of smallest soft-DTW.</param>
/// <param name="Distances">soft-DTW to every centre, row-major (series × k).</param>
public sealed record KMeansAssignment(int[] Labels, double[] Distances);

/// <summary>Evaluate Σ sdtw(center, x) over the members of <paramref name="Cluster"/>.</summary>
public sealed record BarycenterRequest(int Cluster, TimeSeries Center);

/// <param name="Members">How many series contributed (0: Value is 0 and Gradient empty).</param>
public sealed record BarycenterPartial(double Value, double[] Gradient, int Members);
