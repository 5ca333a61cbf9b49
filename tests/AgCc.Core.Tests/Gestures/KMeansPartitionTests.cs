using AgCc.Core.Gestures;
using static AgCc.Core.Tests.Gestures.SoftDtwReference;

namespace AgCc.Core.Tests.Gestures;

/// <summary>The partitioned k-means loop: partition counts, checkpoints and resuming.</summary>
[Trait("Category", Categories.Unit)]
public class KMeansPartitionTests
{
    private static readonly TimeSeries[] Subset = [.. Small.Series.Take(60)];

    private static readonly TimeSeriesKMeansOptions Options = new()
    {
        Clusters = 5,
        Gamma = 1.0,
        MaxIterations = 5,
        Seed = 3,
    };

    [Fact]
    public void Partition_counts_change_only_the_rounding_of_the_sums()
    {
        var one = TimeSeriesKMeans.Fit(Subset, Options);
        foreach (var partitions in new[] { 3, 7 })
        {
            var split = TimeSeriesKMeans.Fit(Subset, Options with { Partitions = partitions });
            Assert.Equal(one.Labels, split.Labels);
            Assert.Equal(one.Iterations, split.Iterations);
            Assert.Equal(one.Inertia, split.Inertia, Math.Abs(one.Inertia) * 1e-9);
            Assert.Equal(one.InertiaTrace.Count, split.InertiaTrace.Count);
        }
    }

    [Fact]
    public async Task A_fit_resumed_from_any_checkpoint_equals_the_uninterrupted_fit()
    {
        var checkpoints = new List<KMeansCheckpoint>();
        var partitions = new LocalKMeansPartitions(Subset, 4);
        var whole = await TimeSeriesKMeans.FitAsync(partitions, Options, onCheckpoint: c =>
        {
            checkpoints.Add(c);
            return ValueTask.CompletedTask;
        });

        Assert.Equal(Enumerable.Range(0, whole.Iterations + 1), checkpoints.Select(c => c.Iteration));
        Assert.Equal(Subset.Length, checkpoints[1].MovedTrace[0]);
        Assert.Equal(whole.InertiaTrace, checkpoints[^1].InertiaTrace);
        foreach (var checkpoint in new[] { checkpoints[0], checkpoints[2], checkpoints[^2] })
        {
            var later = new List<int>();
            var resumed = await TimeSeriesKMeans.FitAsync(new LocalKMeansPartitions(Subset, 4), Options, checkpoint, c =>
            {
                later.Add(c.Iteration);
                return ValueTask.CompletedTask;
            });
            Assert.Equal(Enumerable.Range(checkpoint.Iteration + 1, whole.Iterations - checkpoint.Iteration), later);
            Assert.Equal(whole.Inertia, resumed.Inertia); // bit for bit
            Assert.Equal(whole.Labels, resumed.Labels);
            Assert.Equal(whole.MovedTrace, resumed.MovedTrace);
            for (var c = 0; c < whole.Centers.Count; c++) Assert.Equal(whole.Centers[c].Values, resumed.Centers[c].Values);
        }
    }

    [Fact]
    public async Task A_failing_partition_fails_the_fit_with_its_error()
    {
        var failing = new FailingPartitions(new LocalKMeansPartitions(Subset, 3), failOnEvaluation: 4);
        var error = await Assert.ThrowsAsync<IOException>(() => TimeSeriesKMeans.FitAsync(failing, Options));
        Assert.Contains("partition 1", error.Message);
    }

    [Fact]
    public void Split_covers_every_series_once_in_order()
    {
        var ranges = LocalKMeansPartitions.Split(10, 4);
        Assert.Equal([(0, 3), (3, 3), (6, 2), (8, 2)], ranges);
        Assert.Equal([(0, 1), (1, 1), (2, 0)], LocalKMeansPartitions.Split(2, 3));
    }

    [Fact]
    public void Empty_partitions_are_allowed()
    {
        var few = Subset[..4];
        var result = TimeSeriesKMeans.Fit(few, Options with { Clusters = 2, Partitions = 3 });
        var reference = TimeSeriesKMeans.Fit(few, Options with { Clusters = 2 });
        Assert.Equal(reference.Labels, result.Labels);
    }

    /// <summary>Partition 1 throws at its n-th barycentre evaluation.</summary>
    private sealed class FailingPartitions(IKMeansPartitions inner, int failOnEvaluation) : IKMeansPartitions
    {
        private int evaluations;

        public int Count => inner.Count;

        public ValueTask<KMeansPartitionShape> ShapeAsync(int partition, CancellationToken cancellationToken) => inner.ShapeAsync(partition, cancellationToken);

        public ValueTask<TimeSeries> SeriesAsync(int partition, int index, CancellationToken cancellationToken) => inner.SeriesAsync(partition, index, cancellationToken);

        public ValueTask<double[]> SelfValuesAsync(int partition, double gamma, CancellationToken cancellationToken) => inner.SelfValuesAsync(partition, gamma, cancellationToken);

        public ValueTask<double[]> ValuesToAsync(int partition, TimeSeries center, double gamma, CancellationToken cancellationToken) =>
            inner.ValuesToAsync(partition, center, gamma, cancellationToken);

        public ValueTask<KMeansAssignment> AssignAsync(int partition, IReadOnlyList<TimeSeries> centers, double gamma, CancellationToken cancellationToken) =>
            inner.AssignAsync(partition, centers, gamma, cancellationToken);

        public ValueTask<BarycenterPartial[]> EvaluateAsync(int partition, int[] labels, IReadOnlyList<BarycenterRequest> requests, double gamma, CancellationToken cancellationToken)
        {
            if (partition == 1 && Interlocked.Increment(ref evaluations) == failOnEvaluation) throw new IOException("partition 1 is gone");
            return inner.EvaluateAsync(partition, labels, requests, gamma, cancellationToken);
        }
    }
}
