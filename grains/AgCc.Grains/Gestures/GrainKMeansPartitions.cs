using AgCc.Core.Gestures;
using Microsoft.Extensions.Logging;

namespace AgCc.Grains.Gestures;

/// <summary>
/// <see cref="IKMeansPartitions"/> over partition grains. Each call is retried on failure (a silo
/// that died takes its partitions with it; the next call re-activates them elsewhere), which is
/// safe because every call is a pure function of its arguments and the partition's blob.
/// </summary>
internal sealed class GrainKMeansPartitions(IGrainFactory grains, IReadOnlyList<string> blobs, GestureClusteringOptions options, ILogger logger) : IKMeansPartitions
{
    public int Count => blobs.Count;

    private IGesturePartitionGrain Grain(int partition) => grains.GetGrain<IGesturePartitionGrain>(blobs[partition]);

    public ValueTask<KMeansPartitionShape> ShapeAsync(int partition, CancellationToken cancellationToken) =>
        Retry(partition, p => p.Shape(), cancellationToken);

    public ValueTask<TimeSeries> SeriesAsync(int partition, int index, CancellationToken cancellationToken) =>
        Retry(partition, p => p.Series(index), cancellationToken);

    public ValueTask<double[]> SelfValuesAsync(int partition, double gamma, CancellationToken cancellationToken) =>
        Retry(partition, p => p.SelfValues(gamma), cancellationToken);

    public ValueTask<double[]> ValuesToAsync(int partition, TimeSeries center, double gamma, CancellationToken cancellationToken) =>
        Retry(partition, p => p.ValuesTo(center, gamma), cancellationToken);

    public ValueTask<KMeansAssignment> AssignAsync(int partition, IReadOnlyList<TimeSeries> centers, double gamma, CancellationToken cancellationToken) =>
        Retry(partition, p => p.Assign(centers, gamma), cancellationToken);

    public ValueTask<BarycenterPartial[]> EvaluateAsync(int partition, int[] labels, IReadOnlyList<BarycenterRequest> requests, double gamma, CancellationToken cancellationToken) =>
        Retry(partition, p => p.Evaluate(labels, requests, gamma), cancellationToken);

    private async ValueTask<T> Retry<T>(int partition, Func<IGesturePartitionGrain, Task<T>> call, CancellationToken cancellationToken)
    {
        var delay = options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(Grain(partition));
            }
            catch (Exception e) when (attempt < options.CallAttempts && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("partition {Partition} ({Blob}) failed (attempt {Attempt}): {Error}", partition, blobs[partition], attempt, e.Message);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRetryDelay.Ticks));
            }
        }
    }
}
