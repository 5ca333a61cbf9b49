using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Ingestion;
using AgCc.Artifacts;
using Orleans.Placement;

namespace AgCc.Grains.Corpora;

/// <summary>
/// One batch of an ingestion: reads and normalises its utterances on the thread pool (file
/// reading and parsing are not grain work), writes them as one artifact, and reports counts and
/// rejections. Random placement spreads a corpus's batches over the silos.
/// </summary>
[RandomPlacement]
public sealed class IngestionBatchGrain(IArtifactStore artifacts) : Grain, IIngestionBatchGrain
{
    public async Task<IngestedBatch> Ingest(IngestionBatchRequest request)
    {
        var result = await Task.Run(() => UtteranceIngestion.IngestBatch(request.Utterances));
        var name = CorpusArtifacts.Batch(request.Corpus, request.Generation, request.Batch);
        await artifacts.WriteAsync(name, result.Content);

        return new IngestedBatch(
            request.Batch,
            name,
            result.Accepted.Count,
            result.Accepted.Sum(u => u.Segments.Count),
            result.Accepted.GroupBy(u => u.Source.Emotion).ToDictionary(g => g.Key, g => g.Count()),
            result.Accepted.GroupBy(u => u.Source.Speaker).ToDictionary(g => g.Key, g => g.Count()),
            result.Rejected.Select(r => new RejectedUtterance(r.Utterance, r.File, r.Reason, Excluded: false)).ToArray());
    }
}
