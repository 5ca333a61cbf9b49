using System.Text;

namespace AgCc.Core.Alignments;

/// <summary>
/// Praat's long text form, byte for byte as Praat 6 ("Save as text file") and praatio
/// (MFA's `long_textgrid`) write it: four-space indents, and a blank before the line end of
/// every line except the `item [i]:`, `intervals [i]:` and `points [i]:` headers.
/// </summary>
internal static class TextGridLongForm
{
    public static void Append(StringBuilder text, TextGrid grid)
    {
        text.Append("File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\n");
        text.Append("xmin = ").Num(grid.XMin).Append(" \n");
        text.Append("xmax = ").Num(grid.XMax).Append(" \n");
        text.Append("tiers? <exists> \n");
        text.Append("size = ").Append(grid.Tiers.Count).Append(" \n");
        text.Append("item []: \n");
        for (var i = 0; i < grid.Tiers.Count; i++)
        {
            var tier = grid.Tiers[i];
            text.Append("    item [").Append(i + 1).Append("]:\n");
            text.Append("        class = \"").Append(tier is TextTier ? "TextTier" : "IntervalTier").Append("\" \n");
            text.Append("        name = ").Append(TextGridStrings.Quote(tier.Name)).Append(" \n");
            text.Append("        xmin = ").Num(tier.XMin).Append(" \n");
            text.Append("        xmax = ").Num(tier.XMax).Append(" \n");
            switch (tier)
            {
                case IntervalTier intervals:
                    text.Append("        intervals: size = ").Append(intervals.Intervals.Count).Append(" \n");
                    for (var k = 0; k < intervals.Intervals.Count; k++)
                    {
                        var (start, end, label) = intervals.Intervals[k];
                        text.Append("        intervals [").Append(k + 1).Append("]:\n");
                        text.Append("            xmin = ").Num(start).Append(" \n");
                        text.Append("            xmax = ").Num(end).Append(" \n");
                        text.Append("            text = ").Append(TextGridStrings.Quote(label)).Append(" \n");
                    }
                    break;
                case TextTier points:
                    text.Append("        points: size = ").Append(points.Points.Count).Append(" \n");
                    for (var k = 0; k < points.Points.Count; k++)
                    {
                        var (time, mark) = points.Points[k];
                        text.Append("        points [").Append(k + 1).Append("]:\n");
                        text.Append("            number = ").Num(time).Append(" \n");
                        text.Append("            mark = ").Append(TextGridStrings.Quote(mark)).Append(" \n");
                    }
                    break;
                default:
                    throw new ArgumentException($"tier \"{tier.Name}\" is neither an IntervalTier nor a TextTier", nameof(grid));
            }
        }
    }

    private static StringBuilder Num(this StringBuilder text, double value)
    {
        PraatNumber.Append(text, value);
        return text;
    }
}
