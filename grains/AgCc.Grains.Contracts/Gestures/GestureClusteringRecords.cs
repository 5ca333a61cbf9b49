using AgCc.Core.Corpora;

namespace AgCc.Grains.Gestures;

public enum GestureClusteringStage
{
    NotStarted,
    Preparing,
    Fitting,
    Assigning,
    Completed,
    Failed,
}

/// <summary>Where a clustering stands; <see cref="InertiaTrace"/> and <see cref="MovedTrace"/> grow by one per iteration.</summary>
[GenerateSerializer, Immutable]
public sealed record GestureClusteringStatus(
    [property: Id(0)] string Name,
    [property: Id(1)] GestureClusteringStage Stage,
    [property: Id(2)] GestureClusteringSpec? Spec,
    [property: Id(3)] int Generation,
    [property: Id(4)] int Segments,
    [property: Id(5)] int FitSegments,
    [property: Id(6)] int Iteration,
    [property: Id(7)] IReadOnlyList<double> InertiaTrace,
    [property: Id(8)] IReadOnlyList<int> MovedTrace,
    [property: Id(9)] DateTimeOffset? StartedAt,
    [property: Id(10)] DateTimeOffset? FinishedAt,
    [property: Id(11)] string? Failure,
    [property: Id(12)] int Resumes,
    [property: Id(13)] GestureClusteringArtifacts? Artifacts)
{
    public bool IsRunning => Stage is GestureClusteringStage.Preparing or GestureClusteringStage.Fitting or GestureClusteringStage.Assigning;
}

/// <summary>Blob names (in the artifact container) of a completed clustering's outputs.</summary>
/// <param name="Segments">CSV: index, corpus, utterance, speaker, emotion, phone, start, end, frames, in_fit.</param>
/// <param name="Centers">Time-series CSV (series_id = cluster).</param>
/// <param name="Assignments">CSV: index, cluster, sdtw_0..k−1, p_0..k−1 (soft memberships).</param>
[GenerateSerializer, Immutable]
public sealed record GestureClusteringArtifacts(
    [property: Id(0)] string Segments,
    [property: Id(1)] string Centers,
    [property: Id(2)] string Assignments);

/// <summary>One cluster's make-up.</summary>
/// <param name="ByCorpus">Segments per corpus.</param>
/// <param name="EmotionsByCorpus">Per corpus, segments per emotion.</param>
/// <param name="ByPhone">Segments per phone.</param>
/// <param name="Common">Holds segments of every corpus of the clustering.</param>
/// <param name="JensenShannon">For a common cluster, the Jensen–Shannon divergence (log base 2, in [0, 1]) between the corpora's emotion distributions in it.</param>
[GenerateSerializer, Immutable]
public sealed record GestureClusterStatistics(
    [property: Id(0)] int Cluster,
    [property: Id(1)] int Size,
    [property: Id(2)] IReadOnlyDictionary<string, int> ByCorpus,
    [property: Id(3)] IReadOnlyDictionary<string, IReadOnlyDictionary<Emotion, int>> EmotionsByCorpus,
    [property: Id(4)] IReadOnlyDictionary<string, int> ByPhone,
    [property: Id(5)] bool Common,
    [property: Id(6)] double? JensenShannon);

/// <summary>The fitted centres for drawing: Values[c] is Length × Dimensions, row-major (x, y interleaved per landmark).</summary>
[GenerateSerializer, Immutable]
public sealed record GestureCenters(
    [property: Id(0)] int Length,
    [property: Id(1)] int Dimensions,
    [property: Id(2)] IReadOnlyList<float[]> Values);

/// <summary>A clustering's result: inertia, iterations, centres and per-cluster statistics.</summary>
[GenerateSerializer, Immutable]
public sealed record GestureClusteringResult(
    [property: Id(0)] double Inertia,
    [property: Id(1)] int Iterations,
    [property: Id(2)] IReadOnlyList<string> Corpora,
    [property: Id(3)] IReadOnlyList<GestureClusterStatistics> Clusters,
    [property: Id(4)] GestureCenters Centers);

/// <summary>One segment's place in the clustering.</summary>
[GenerateSerializer, Immutable]
public sealed record SegmentAssignment(
    [property: Id(0)] int Index,
    [property: Id(1)] string Corpus,
    [property: Id(2)] string Utterance,
    [property: Id(3)] string Phone,
    [property: Id(4)] Emotion Emotion,
    [property: Id(5)] double Start,
    [property: Id(6)] double End,
    [property: Id(7)] int Cluster,
    [property: Id(8)] IReadOnlyList<double> Memberships);
