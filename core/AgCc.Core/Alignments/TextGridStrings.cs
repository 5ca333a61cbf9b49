namespace AgCc.Core.Alignments;

/// <summary>Praat's string literal: in double quotes, a quote inside doubled.</summary>
internal static class TextGridStrings
{
    public static string Quote(string? value) =>
        value is null ? "\"\"" : "\"" + (value.Contains('"') ? value.Replace("\"", "\"\"") : value) + "\"";
}
