using System.Text;

namespace AgCc.Core.Alignments;

/// <summary>
/// Praat's short text form, byte for byte as Praat 6 ("Save as short text file") and praatio
/// (MFA's `short_textgrid`) write it: the long form's values alone, one a line.
/// </summary>
internal static class TextGridShortForm
{
    public static void Append(StringBuilder text, TextGrid grid)
    {
        text.Append("File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\n");
        Number(text, grid.XMin);
        Number(text, grid.XMax);
        Line(text, "<exists>");
        text.Append(grid.Tiers.Count).Append('\n');
        foreach (var tier in grid.Tiers)
        {
            Line(text, tier is TextTier ? "\"TextTier\"" : "\"IntervalTier\"");
            Line(text, TextGridStrings.Quote(tier.Name));
            Number(text, tier.XMin);
            Number(text, tier.XMax);
            switch (tier)
            {
                case IntervalTier intervals:
                    text.Append(intervals.Intervals.Count).Append('\n');
                    foreach (var (start, end, label) in intervals.Intervals)
                    {
                        Number(text, start);
                        Number(text, end);
                        Line(text, TextGridStrings.Quote(label));
                    }
                    break;
                case TextTier points:
                    text.Append(points.Points.Count).Append('\n');
                    foreach (var (time, mark) in points.Points)
                    {
                        Number(text, time);
                        Line(text, TextGridStrings.Quote(mark));
                    }
                    break;
                default:
                    throw new ArgumentException($"tier \"{tier.Name}\" is neither an IntervalTier nor a TextTier", nameof(grid));
            }
        }
    }

    private static void Line(StringBuilder text, string value) => text.Append(value).Append('\n');

    private static void Number(StringBuilder text, double value)
    {
        PraatNumber.Append(text, value);
        text.Append('\n');
    }
}
