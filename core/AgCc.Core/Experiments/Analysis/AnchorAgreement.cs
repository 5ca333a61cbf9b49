using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Labels;
using AgCc.Core.Statistics;

namespace AgCc.Core.Experiments.Analysis;

/// <summary>
/// Do the anchors mean the same in both corpora? For each anchor (an AG cluster, or a phone: the
/// anchors of AG-CC and of PA-CC) the distribution of a task's classes over the anchor's segments
/// in each corpus, and the Jensen–Shannon divergence between the corpora's distributions (bits,
/// in [0, 1]). An anchor is common when each corpus has at least <see cref="AnchorAgreementAnalysis.MinSegments"/>
/// labelled segments in it; the mean divergences (weighted by segments) compare the two kinds of anchor.
/// </summary>
/// <param name="Corpora">The corpora in the order of each anchor's count rows.</param>
/// <param name="Segments">Segments with a class of the task, over all anchors.</param>
/// <remarks>Arrays, not IReadOnlyList: it sits in grain state, whose JSON names a member's runtime type when it differs from the declared one.</remarks>
public sealed record AnchorAgreement(
    string Task,
    string[] Classes,
    string[] Corpora,
    AnchorDistribution[] Clusters,
    AnchorDistribution[] Phones,
    double? MeanClusterDivergence,
    double? MeanPhoneDivergence,
    int Segments);

/// <summary>One anchor: segments per corpus and class (rows: corpora; columns: classes), and for a common anchor the divergence.</summary>
public sealed record AnchorDistribution(
    string Anchor,
    int[][] Counts,
    bool Common,
    double? JensenShannon)
{
    public int Segments => Counts.Sum(row => row.Sum());
}

/// <summary>A phone-aligned mouth segment as the analysis needs it.</summary>
public readonly record struct AnchorSegment(string Corpus, string Phone, Emotion Emotion, int Cluster);

public static class AnchorAgreementAnalysis
{
    /// <summary>Fewer labelled segments than this in a corpus make a distribution too noisy to compare.</summary>
    public const int MinSegments = 5;

    /// <summary>The agreement of the clusters and of the phones of <paramref name="segments"/> for <paramref name="task"/>.</summary>
    public static AnchorAgreement For(string task, IReadOnlyList<string> corpora, IReadOnlyList<AnchorSegment> segments, LabelMaps? labels = null)
    {
        var maps = labels ?? LabelMaps.BuiltIn;
        var tasks = corpora.ToDictionary(c => c, c => maps.Task(task, c), StringComparer.Ordinal);
        var classes = tasks[corpora[0]].Classes.ToArray();
        var corpusIndex = corpora.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var labelled = new List<(AnchorSegment Segment, int Corpus, int Class)>(segments.Count);
        foreach (var s in segments)
            if (corpusIndex.TryGetValue(s.Corpus, out var c) && tasks[s.Corpus].Classify(s.Emotion) is { } k) labelled.Add((s, c, k));

        var clusters = Distributions(labelled, s => s.Cluster.ToString(System.Globalization.CultureInfo.InvariantCulture), corpora.Count, classes.Length)
            .OrderBy(d => int.Parse(d.Anchor, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var phones = Distributions(labelled, s => s.Phone, corpora.Count, classes.Length)
            .OrderByDescending(d => d.Segments).ThenBy(d => d.Anchor, StringComparer.Ordinal).ToArray();
        return new AnchorAgreement(task, classes, [.. corpora], clusters, phones, WeightedMean(clusters), WeightedMean(phones), labelled.Count);
    }

    private static IEnumerable<AnchorDistribution> Distributions(
        List<(AnchorSegment Segment, int Corpus, int Class)> labelled, Func<AnchorSegment, string> anchorOf, int corpora, int classes)
    {
        foreach (var group in labelled.GroupBy(l => anchorOf(l.Segment), StringComparer.Ordinal))
        {
            var counts = Enumerable.Range(0, corpora).Select(_ => new int[classes]).ToArray();
            foreach (var (_, corpus, k) in group) counts[corpus][k]++;
            var common = counts.All(row => row.Sum() >= MinSegments);
            double? divergence = common ? JensenShannon.Divergence([.. counts.Select(row => (IReadOnlyList<double>)[.. row.Select(n => (double)n)])]) : null;
            yield return new AnchorDistribution(group.Key, counts, common, divergence);
        }
    }

    private static double? WeightedMean(IReadOnlyList<AnchorDistribution> anchors)
    {
        var common = anchors.Where(a => a.JensenShannon is not null).ToList();
        var total = common.Sum(a => a.Segments);
        return total == 0 ? null : common.Sum(a => a.JensenShannon!.Value * a.Segments) / total;
    }
}
