using AgCc.Core.Experiments.Analysis;

namespace AgCc.Dashboard.Experiments;

/// <summary>A row of an anchor table: the anchor, its labelled segments per corpus (in the analysis's corpus order) and in all, whether it is common, its divergence.</summary>
public sealed record AnchorRow(string Anchor, IReadOnlyList<int> ByCorpus, int Segments, bool Common, string Divergence);

/// <summary>How the Anchor agreement card shows an <see cref="AnchorAgreement"/>.</summary>
public static class AnchorDisplay
{
    /// <summary>The rows of one kind of anchor, in the analysis's order (clusters by number, phones by segments).</summary>
    public static IReadOnlyList<AnchorRow> Rows(IReadOnlyList<AnchorDistribution> anchors, int corpora) =>
        anchors.Select(a => new AnchorRow(
                a.Anchor,
                Enumerable.Range(0, corpora).Select(c => c < a.Counts.Length ? a.Counts[c].Sum() : 0).ToArray(),
                a.Segments,
                a.Common,
                ExperimentDisplay.Divergence(a.Common ? a.JensenShannon : null)))
            .ToArray();

    /// <summary>
    /// One sentence comparing the mean divergences: which anchors the corpora agree on more
    /// (lower is better: the classes spread alike over the anchor in both corpora).
    /// </summary>
    public static string Summary(AnchorAgreement a)
    {
        var clusters = a.Clusters.Count(c => c.Common);
        var phones = a.Phones.Count(p => p.Common);
        var text = ExperimentDisplay.Invariant(
            $"Mean JS divergence over common anchors (weighted by segments): AG clusters {ExperimentDisplay.Divergence(a.MeanClusterDivergence)} ({clusters} of {a.Clusters.Length} common), phones {ExperimentDisplay.Divergence(a.MeanPhoneDivergence)} ({phones} of {a.Phones.Length} common).");
        if (Lower(a) is { } lower)
            text += lower == "clusters" ? " The corpora agree more on the AG clusters." : " The corpora agree more on the phones.";
        return text;
    }

    /// <summary>Which of the two means is lower ("clusters", "phones"), or null when either is missing or they tie at three decimals.</summary>
    public static string? Lower(AnchorAgreement a) =>
        a.MeanClusterDivergence is { } c && a.MeanPhoneDivergence is { } p && Math.Round(c, 3) != Math.Round(p, 3)
            ? (c < p ? "clusters" : "phones")
            : null;
}
