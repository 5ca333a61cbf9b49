using AgCc.Core.Gestures;

namespace AgCc.Grains.Gestures;

/// <summary>
/// A slice of a clustering's segments and the work on it (<see cref="IKMeansPartitions"/>, one
/// partition). Key: the blob of its segments (<see cref="GestureArtifacts.Partition"/>), read once
/// per activation; stateless otherwise, so it can be reactivated on any silo.
/// </summary>
public interface IGesturePartitionGrain : IGrainWithStringKey
{
    Task<KMeansPartitionShape> Shape();

    Task<TimeSeries> Series(int index);

    Task<double[]> SelfValues(double gamma);

    Task<double[]> ValuesTo(TimeSeries center, double gamma);

    Task<KMeansAssignment> Assign(IReadOnlyList<TimeSeries> centers, double gamma);

    Task<BarycenterPartial[]> Evaluate(int[] labels, IReadOnlyList<BarycenterRequest> requests, double gamma);
}
