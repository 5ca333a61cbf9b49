using System.Globalization;
using System.Text;

namespace AgCc.Core.Experiments.Analysis;

/// <summary>The anchor analysis as Markdown: per task, the mean divergences, then the common clusters and phones.</summary>
public static class AnchorAgreementFormats
{
    public static string Markdown(IReadOnlyList<AnchorAgreement> analysis)
    {
        var text = new StringBuilder();
        foreach (var a in analysis)
        {
            text.AppendLine(Invariant($"### {a.Task}: do the anchors mean the same in {string.Join(" and ", a.Corpora)}?"));
            text.AppendLine();
            var classes = string.Join("/", a.Classes);
            text.AppendLine(Invariant($"Jensen–Shannon divergence (bits, 0 = same class distribution) between the corpora's {classes} distributions, segment-weighted over anchors with at least {AnchorAgreementAnalysis.MinSegments} labelled segments in each corpus: AG clusters {Number(a.MeanClusterDivergence)} ({a.Clusters.Count(c => c.Common)} common of {a.Clusters.Length}), phones {Number(a.MeanPhoneDivergence)} ({a.Phones.Count(p => p.Common)} common of {a.Phones.Length}); {a.Segments} segments."));
            foreach (var (title, anchors) in new[] { ("AG cluster", a.Clusters), ("phone", a.Phones) })
            {
                text.AppendLine();
                text.AppendLine($"| {title} | {string.Join(" | ", a.Corpora.Select(c => $"{c} ({string.Join("/", a.Classes)})"))} | JSD |");
                text.AppendLine($"|---|{string.Concat(a.Corpora.Select(_ => "---|"))}---:|");
                foreach (var anchor in anchors.Where(x => x.Common))
                    text.AppendLine($"| {anchor.Anchor} | {string.Join(" | ", anchor.Counts.Select(row => string.Join("/", row)))} | {Number(anchor.JensenShannon)} |");
            }
            text.AppendLine();
        }
        return text.ToString();
    }

    private static string Number(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
