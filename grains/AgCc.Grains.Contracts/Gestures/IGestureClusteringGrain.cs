namespace AgCc.Grains.Gestures;

/// <summary>
/// A gesture clustering (key: its name): soft-DTW k-means over the gesture segments of ingested
/// corpora, fanned out to <see cref="IGesturePartitionGrain"/>s, resumable after a silo loss.
/// </summary>
public interface IGestureClusteringGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the fit in the background and returns at once. Starting again with an equal spec is a
    /// no-op (a failed one is retried); a different spec starts a new generation.
    /// </summary>
    Task<GestureClusteringStatus> Start(GestureClusteringSpec spec);

    Task<GestureClusteringStatus> GetStatus();

    /// <summary>The result once completed, else null.</summary>
    Task<GestureClusteringResult?> GetResult();

    /// <summary>A page of segment assignments in segment order (empty until completed).</summary>
    Task<IReadOnlyList<SegmentAssignment>> GetAssignments(int offset, int count);
}
