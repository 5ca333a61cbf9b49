using System.Globalization;
using System.Text;

namespace AgCc.Core.Alignments;

/// <summary>
/// Numbers as Praat writes them (Melder_double): `%.15g`, or `%.16g`/`%.17g` when fewer digits
/// would not read back as the same double; so 0.12 stays `0.12` and 1/3 is `0.3333333333333333`.
/// .NET's `G` format follows the same rules as C's `%g` apart from the exponent letter's case.
/// </summary>
internal static class PraatNumber
{
    public static string Format(double value)
    {
        Span<char> buffer = stackalloc char[32];
        return new string(Format(value, buffer));
    }

    /// <summary>Appends without allocating: the writer's hot path.</summary>
    public static void Append(StringBuilder text, double value)
    {
        Span<char> buffer = stackalloc char[32];
        text.Append(Format(value, buffer));
    }

    private static ReadOnlySpan<char> Format(double value, Span<char> buffer)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException($"a TextGrid time must be a finite number, not {value}", nameof(value));
        if (value == 0) return "0";
        var written = 0;
        foreach (var format in (ReadOnlySpan<string>)["G15", "G16", "G17"])
        {
            value.TryFormat(buffer, out written, format, CultureInfo.InvariantCulture);
            if (double.Parse(buffer[..written], CultureInfo.InvariantCulture) == value) break;
        }
        var digits = buffer[..written];
        digits.Replace('E', 'e');
        return digits;
    }
}
