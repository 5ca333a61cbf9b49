using System.Globalization;
using System.Text;

namespace AgCc.Core.Landmarks;

/// <summary>
/// Numbers straight from UTF-8 cells, without strings. OpenFace writes plain fixed-point decimals;
/// those take an exact fast path (mantissa below 2^53 divided by an exact power of ten is correctly
/// rounded, so it equals <see cref="double.Parse(string)"/>); anything else goes to the BCL parser.
/// </summary>
internal static class Utf8Number
{
    private const int MaxFastDigits = 15;

    private static readonly double[] PowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>The cell without surrounding blanks (", " separators leave a leading space).</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> cell)
    {
        var start = 0;
        var end = cell.Length;
        while (start < end && IsBlank(cell[start])) start++;
        while (end > start && IsBlank(cell[end - 1])) end--;
        return cell[start..end];
    }

    /// <summary>
    /// Parses a trimmed cell. False for an empty or non-numeric cell; "NaN" and infinities parse
    /// (the caller decides whether they are allowed).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> cell, out double value)
    {
        if (TryParseFixed(cell, out value)) return true;
        return !cell.IsEmpty
            && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The cell as text for an error message (short, printable).</summary>
    public static string Describe(ReadOnlySpan<byte> cell)
    {
        if (cell.IsEmpty) return "an empty cell";
        var text = Encoding.UTF8.GetString(cell.Length > 40 ? cell[..40] : cell);
        return $"'{text}{(cell.Length > 40 ? "…" : "")}'";
    }

    private static bool TryParseFixed(ReadOnlySpan<byte> cell, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (i < cell.Length && (cell[i] == (byte)'-' || cell[i] == (byte)'+'))
        {
            negative = cell[i] == (byte)'-';
            i++;
        }

        ulong mantissa = 0;
        var digits = 0;
        var decimals = 0;
        var seenPoint = false;
        for (; i < cell.Length; i++)
        {
            var c = cell[i];
            var d = (uint)(c - '0');
            if (d <= 9)
            {
                if (++digits > MaxFastDigits) return false;
                mantissa = mantissa * 10 + d;
                if (seenPoint) decimals++;
            }
            else if (c == (byte)'.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0) return false;
        var magnitude = (double)mantissa / PowersOfTen[decimals];
        value = negative ? -magnitude : magnitude;
        return true;
    }

    private static bool IsBlank(byte b) => b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r';
}
