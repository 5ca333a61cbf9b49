using AgCc.Core.Corpora;

namespace AgCc.Grains.Corpora;

/// <summary>
/// One ingested utterance, keyed `corpus/utteranceId`. Its data lives in the corpus's batch
/// artifact (one blob per batch, not per utterance); the grain finds and serves it.
/// </summary>
public interface IUtteranceGrain : IGrainWithStringKey
{
    /// <summary>The utterance as ingested, or null when the corpus's current ingestion has no such utterance.</summary>
    Task<UtteranceDetail?> GetDetail();

    /// <summary>The source audio file's bytes (WAV), read by the silo, for playback.</summary>
    Task<byte[]?> GetAudio();

    public static string KeyOf(string corpus, string utterance) => $"{corpus}/{utterance}";
}

/// <summary>An utterance's labels, phones and normalised mouth trajectory, for display.</summary>
[GenerateSerializer, Immutable]
public sealed record UtteranceDetail(
    [property: Id(0)] string Corpus,
    [property: Id(1)] string Id,
    [property: Id(2)] string Speaker,
    [property: Id(3)] Emotion Emotion,
    [property: Id(4)] string? Sentence,
    [property: Id(5)] double Duration,
    [property: Id(6)] IReadOnlyList<PhoneSpan> Words,
    [property: Id(7)] IReadOnlyList<PhoneSpan> Phones,
    [property: Id(8)] string Normalization,
    [property: Id(9)] double[] TrackTimestamps,
    [property: Id(10)] float[] TrackValues,
    [property: Id(11)] int Segments,
    [property: Id(12)] string AudioPath);

[GenerateSerializer, Immutable]
public sealed record PhoneSpan([property: Id(0)] double Start, [property: Id(1)] double End, [property: Id(2)] string Label);

/// <summary>A row of a corpus's utterance list.</summary>
[GenerateSerializer, Immutable]
public sealed record UtteranceRow(
    [property: Id(0)] string Id,
    [property: Id(1)] string Speaker,
    [property: Id(2)] Emotion Emotion,
    [property: Id(3)] string? Sentence);

/// <summary>Where an utterance's data is: the batch artifact of the current ingestion.</summary>
[GenerateSerializer, Immutable]
public sealed record UtteranceLocation([property: Id(0)] string Artifact, [property: Id(1)] UtteranceSource Source);

[GenerateSerializer, Immutable]
public sealed record UtterancePage([property: Id(0)] IReadOnlyList<UtteranceRow> Rows, [property: Id(1)] int Total);
