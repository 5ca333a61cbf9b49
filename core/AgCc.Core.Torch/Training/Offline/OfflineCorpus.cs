using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Ingestion;
using AgCc.Core.Corpora.Layouts;
using AgCc.Core.Training.Config;

namespace AgCc.Core.Torch.Training.Offline;

/// <summary>A corpus read and ingested without a cluster, with what it rejected and a fingerprint of its files and settings.</summary>
public sealed record OfflineCorpus(string Name, string Fingerprint, IReadOnlyList<IngestedUtterance> Utterances, IReadOnlyList<Rejection> Rejected)
{
    private const int BatchSize = 16;

    /// <summary>
    /// Lists and ingests the corpus (METHOD.md steps 1–3), or reads the cached ingestion from
    /// <paramref name="work"/> when the corpus's files and settings have not changed.
    /// </summary>
    public static OfflineCorpus Load(CorpusReference corpus, WorkingFolder work, Action<string> log, CancellationToken cancellationToken)
    {
        var location = corpus.Location ?? throw new ArgumentException(
            $"corpus '{corpus.Name}' has no path: without a cluster the corpora are read from disk, so the config needs its layout and path");
        var labels = corpus.Labels is null ? CremaDLabelSource.FileName : CorpusLayoutReaders.CremaLabelNames[corpus.Labels];
        var listing = CorpusLayoutReaders.For(corpus.Layout!.Value, cremaLabels: labels).List(location);
        var fingerprint = CorpusFingerprint.Of(listing, $"{corpus.Layout}|{labels}|{location}|{UtteranceIngestion.FormatVersion}");
        var cache = work.Ingestion(corpus.Name, fingerprint);
        var rejected = listing.Rejected.Concat(listing.Excluded).ToList();
        if (File.Exists(cache))
        {
            var cached = UtteranceBatchFormat.Read(File.ReadAllBytes(cache), cache);
            log($"{corpus.Name}: {cached.Count} utterances (cached ingestion)");
            return new OfflineCorpus(corpus.Name, fingerprint, cached, [.. rejected, .. WorkingFolder.ReadRejections(cache)]);
        }

        var sources = listing.Utterances;
        var batches = (sources.Count + BatchSize - 1) / BatchSize;
        var results = new IngestionBatchResult[batches];
        Parallel.For(0, batches, new ParallelOptions { CancellationToken = cancellationToken }, b =>
            results[b] = UtteranceIngestion.IngestBatch([.. sources.Skip(b * BatchSize).Take(BatchSize)]));
        var accepted = results.SelectMany(r => r.Accepted).ToList();
        var bad = results.SelectMany(r => r.Rejected).ToList();
        WorkingFolder.WriteAtomically(cache, UtteranceBatchFormat.Write(accepted));
        WorkingFolder.WriteRejections(cache, bad);
        log($"{corpus.Name}: {accepted.Count} utterances ingested, {bad.Count} rejected, {listing.Excluded.Count} excluded");
        foreach (var r in bad.Take(5)) log($"  rejected {r.Utterance}: {r.File}: {r.Reason}");
        return new OfflineCorpus(corpus.Name, fingerprint, accepted, [.. rejected, .. bad]);
    }
}
