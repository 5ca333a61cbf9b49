using AgCc.Core.Corpora;

namespace AgCc.Grains.Corpora;

public enum IngestionState
{
    NotStarted,
    Running,
    Completed,
    Failed,
}

/// <summary>Where a corpus's ingestion stands; counts are of utterances.</summary>
[GenerateSerializer, Immutable]
public sealed record IngestionProgress(
    [property: Id(0)] IngestionState State,
    [property: Id(1)] int Generation,
    [property: Id(2)] int Listed,
    [property: Id(3)] int Processed,
    [property: Id(4)] int Accepted,
    [property: Id(5)] int Rejected,
    [property: Id(6)] int Excluded,
    [property: Id(7)] int Segments,
    [property: Id(8)] string? Failure,
    [property: Id(9)] DateTimeOffset? StartedAt,
    [property: Id(10)] DateTimeOffset? FinishedAt)
{
    public static IngestionProgress None { get; } = new(IngestionState.NotStarted, 0, 0, 0, 0, 0, 0, 0, null, null, null);
}

/// <summary>A corpus with its ingestion and the counts users read first.</summary>
[GenerateSerializer, Immutable]
public sealed record CorpusSummary(
    [property: Id(0)] CorpusInfo Info,
    [property: Id(1)] IngestionProgress Ingestion,
    [property: Id(2)] IReadOnlyDictionary<Emotion, int> EmotionCounts,
    [property: Id(3)] IReadOnlyDictionary<string, int> SpeakerCounts);

/// <summary>An utterance that was not ingested, the file at fault and why.</summary>
[GenerateSerializer, Immutable]
public sealed record RejectedUtterance(
    [property: Id(0)] string Utterance,
    [property: Id(1)] string File,
    [property: Id(2)] string Reason,
    [property: Id(3)] bool Excluded);
