namespace AgCc.Grains.Gestures;

// Stored as JSON with its type name: renaming this class or its namespace orphans stored state.
// Small by design: segments, centres and assignments are blobs (GestureArtifacts).
// No member has an initialiser other than its type's default: Orleans' serializer leaves default
// values out, so an initialised member set back to its default would be read as the initialiser.
[GenerateSerializer]
public sealed class GestureClusteringState
{
    [Id(0)] public GestureClusteringSpec? Spec { get; set; }

    [Id(1)] public int Generation { get; set; }

    [Id(2)] public GestureClusteringStage Stage { get; set; }

    [Id(3)] public int Segments { get; set; }

    [Id(4)] public int FitSegments { get; set; }

    /// <summary>The partition blobs of the fit set and of all segments (equal when there is no subsample).</summary>
    [Id(5)] public List<string> FitPartitions { get; set; } = [];

    [Id(6)] public List<string> AllPartitions { get; set; } = [];

    /// <summary>Checkpoints written so far (0: none); the blob holds iteration Checkpoints − 1.</summary>
    [Id(7)] public int Checkpoints { get; set; }

    [Id(8)] public List<double> InertiaTrace { get; set; } = [];

    [Id(9)] public List<int> MovedTrace { get; set; } = [];

    [Id(10)] public DateTimeOffset? StartedAt { get; set; }

    [Id(11)] public DateTimeOffset? FinishedAt { get; set; }

    [Id(12)] public string? Failure { get; set; }

    /// <summary>How often the fit restarted from a checkpoint (a silo loss, a failed iteration).</summary>
    [Id(13)] public int Resumes { get; set; }

    [Id(16)] public List<GestureClusterStatistics> Statistics { get; set; } = [];
}
