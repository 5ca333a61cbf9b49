using AgCc.Artifacts;
using AgCc.Core.Gestures;

namespace AgCc.Grains.Gestures;

/// <summary>
/// One partition of a clustering: reads its segments once per activation from the blob its key
/// names and does its share of every k-means step on the thread pool (all cores of its silo).
/// It keeps nothing durable: a silo loss costs a re-read.
/// </summary>
[SpreadPlacement]
public sealed class GesturePartitionGrain(IArtifactStore artifacts) : Grain, IGesturePartitionGrain
{
    private KMeansPartition? partition;

    private string Blob => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var content = await artifacts.ReadAsync(Blob, cancellationToken)
            ?? throw new InvalidOperationException($"partition blob {Blob} is missing");
        partition = await Task.Run(() => new KMeansPartition(TimeSeriesBinary.Read(content, Blob)), cancellationToken);
    }

    private KMeansPartition Partition => partition ?? throw new InvalidOperationException("the partition is not loaded");

    public Task<KMeansPartitionShape> Shape() => Task.FromResult(Partition.Shape);

    public Task<TimeSeries> Series(int index) => Task.FromResult(Partition[index]);

    // The math runs off the grain's scheduler: Parallel.For would otherwise be confined to it.
    public Task<double[]> SelfValues(double gamma) => Task.Run(() => Partition.SelfValues(gamma));

    public Task<double[]> ValuesTo(TimeSeries center, double gamma) => Task.Run(() => Partition.ValuesTo(center, gamma));

    public Task<KMeansAssignment> Assign(IReadOnlyList<TimeSeries> centers, double gamma) => Task.Run(() => Partition.Assign(centers, gamma));

    public Task<BarycenterPartial[]> Evaluate(int[] labels, IReadOnlyList<BarycenterRequest> requests, double gamma) =>
        Task.Run(() => Partition.Evaluate(labels, requests, gamma));
}
