using AgCc.Core.Corpora.Layouts;

namespace AgCc.Core.Corpora.Ingestion;

/// <summary>What `agcc corpus validate` found: every listed utterance either accepted or rejected with a reason.</summary>
public sealed record ValidationReport(
    IReadOnlyList<string> Accepted, IReadOnlyList<Rejection> Rejected, IReadOnlyList<Rejection> Excluded);

/// <summary>
/// Validates a corpus offline, without a cluster: the layout's listing, then every utterance's
/// files read and cross-checked exactly as ingestion does, in parallel across cores.
/// </summary>
public static class CorpusValidator
{
    public static ValidationReport Validate(
        CorpusLayout layout, CorpusLocation location, IProgress<(int Done, int Total)>? progress = null,
        CancellationToken cancellationToken = default, CremaDLabelSource cremaLabels = CremaDLabelSource.FileName)
    {
        var listing = CorpusLayoutReaders.For(layout, cremaLabels: cremaLabels).List(location);
        var outcomes = new Rejection?[listing.Utterances.Count];
        var done = 0;
        Parallel.For(0, listing.Utterances.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            UtteranceIngestion.TryLoad(listing.Utterances[i], out _, out outcomes[i]);
            progress?.Report((Interlocked.Increment(ref done), outcomes.Length));
        });

        var accepted = listing.Utterances.Where((_, i) => outcomes[i] is null).Select(u => u.Id).ToArray();
        var rejected = listing.Rejected.Concat(outcomes.OfType<Rejection>())
            .OrderBy(r => r.Utterance, StringComparer.Ordinal).ToArray();
        return new ValidationReport(accepted, rejected, listing.Excluded);
    }
}
