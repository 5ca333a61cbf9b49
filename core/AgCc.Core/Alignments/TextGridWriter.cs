using System.Text;

namespace AgCc.Core.Alignments;

/// <summary>
/// Writes TextGrids as MFA does: Praat's long (default) or short text form, numbers in Praat's
/// invariant format, LF line ends, UTF-8 without a byte-order mark (praatio's choice; Praat
/// itself would switch to UTF-16 for non-ASCII labels, and <see cref="TextGridReader"/> reads both).
/// </summary>
public static class TextGridWriter
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    /// <summary>
    /// Writes <paramref name="alignment"/> as tiers `words` then `phones` covering
    /// [0, <paramref name="duration"/>], gaps filled with empty-text intervals
    /// (<see cref="AlignmentGrid.ToTextGrid"/>).
    /// </summary>
    public static void Write(string path, PhoneAlignment alignment, double duration, TextGridForm form = TextGridForm.Long) =>
        Write(path, AlignmentGrid.ToTextGrid(alignment, duration), form);

    /// <summary>Writes any TextGrid as it is (no checks beyond finite times).</summary>
    public static void Write(string path, TextGrid grid, TextGridForm form = TextGridForm.Long) =>
        File.WriteAllText(path, Format(grid, form), Utf8);

    /// <summary>The file's text.</summary>
    public static string Format(TextGrid grid, TextGridForm form = TextGridForm.Long)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var text = new StringBuilder(256 + 64 * grid.Tiers.Sum(TierSize));
        switch (form)
        {
            case TextGridForm.Long: TextGridLongForm.Append(text, grid); break;
            case TextGridForm.Short: TextGridShortForm.Append(text, grid); break;
            default: throw new ArgumentOutOfRangeException(nameof(form), form, "unknown TextGrid form");
        }
        return text.ToString();
    }

    private static int TierSize(TextGridTier tier) => tier switch
    {
        IntervalTier i => i.Intervals.Count,
        TextTier p => p.Points.Count,
        _ => 0,
    };
}
