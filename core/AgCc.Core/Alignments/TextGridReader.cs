using AgCc.Core.Formats;

namespace AgCc.Core.Alignments;

/// <summary>
/// Reads Praat TextGrids (`ooTextFile`, long or short text form; UTF-8 with or without a
/// byte-order mark, UTF-16 with one; any line ends) and MFA alignments from them. Every problem
/// is an <see cref="InputException"/> naming the file, the line and what was expected.
/// </summary>
public static class TextGridReader
{
    /// <summary>Seconds by which boundaries may disagree (interval after interval, entry inside tier).</summary>
    public const double Tolerance = 1e-6;

    /// <summary>The whole TextGrid: every tier, interval and point, labels as written.</summary>
    public static TextGrid Read(string path) => Parse(ReadBytes(path), path);

    /// <summary>As <see cref="Read"/>, for content already in memory; <paramref name="file"/> names it in errors.</summary>
    public static TextGrid Parse(ReadOnlySpan<byte> content, string file) => Source(content, file).Grid;

    /// <summary>
    /// The MFA alignment of the file: tiers `words` and `phones` (or `SPEAKER - words` and
    /// `SPEAKER - phones`), silences dropped, phones without stress digits; other tiers, point
    /// tiers included, are ignored.
    /// </summary>
    public static PhoneAlignment ReadAlignment(string path) => ParseAlignment(ReadBytes(path), path);

    /// <summary>As <see cref="ReadAlignment"/>, for content already in memory.</summary>
    public static PhoneAlignment ParseAlignment(ReadOnlySpan<byte> content, string file) =>
        AlignmentTiers.ToAlignment(Source(content, file), file);

    private static TextGridSource Source(ReadOnlySpan<byte> content, string file) =>
        TextGridParser.Parse(TextGridText.Decode(content, file), file);

    private static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, null, $"cannot read the file: {e.Message}", e);
        }
    }
}
