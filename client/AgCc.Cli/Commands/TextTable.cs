namespace AgCc.Cli.Commands;

/// <summary>Left-aligned columns for terminal listings.</summary>
public static class TextTable
{
    public static string Format(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = header.Select((_, c) => all.Max(r => r[c].Length)).ToArray();
        return string.Join('\n', all.Select(r => string.Join("  ", r.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()));
    }
}
