using AgCc.Core.Corpora;

namespace AgCc.Grains.Corpora;

/// <summary>
/// Reads, validates and normalises one batch of a corpus's utterances and writes them as one
/// artifact. Keyed `corpus/generation/batch`; placed at random so batches spread over silos.
/// Idempotent: the same batch processed twice writes the same artifact.
/// </summary>
public interface IIngestionBatchGrain : IGrainWithStringKey
{
    Task<IngestedBatch> Ingest(IngestionBatchRequest request);
}

[GenerateSerializer, Immutable]
public sealed record IngestionBatchRequest(
    [property: Id(0)] string Corpus,
    [property: Id(1)] int Generation,
    [property: Id(2)] int Batch,
    [property: Id(3)] IReadOnlyList<UtteranceSource> Utterances);

/// <summary>What one batch yielded: counts for the corpus's summary, and its rejections.</summary>
[GenerateSerializer, Immutable]
public sealed record IngestedBatch(
    [property: Id(0)] int Batch,
    [property: Id(1)] string Artifact,
    [property: Id(2)] int Accepted,
    [property: Id(3)] int Segments,
    [property: Id(4)] IReadOnlyDictionary<Emotion, int> Emotions,
    [property: Id(5)] IReadOnlyDictionary<string, int> Speakers,
    [property: Id(6)] IReadOnlyList<RejectedUtterance> Rejected);
