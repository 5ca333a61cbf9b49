using System.Globalization;

namespace AgCc.Dashboard.Gestures;

/// <summary>
/// The heatmaps' sequential colour scale, computed on the server: white through blue
/// (ColorBrewer "Blues", 9 classes) for values from 0 to a maximum, grey for a missing value.
/// </summary>
public static class HeatmapScale
{
    /// <summary>The ramp's stops, from the lowest value to the highest.</summary>
    public static readonly IReadOnlyList<string> Stops =
        ["#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"];

    /// <summary>A cell without a value (no segments of that emotion in the corpus).</summary>
    public const string Missing = "#eeeeee";

    /// <summary>The colour of <paramref name="value"/> on a scale from 0 to <paramref name="max"/> (clamped), as #rrggbb.</summary>
    public static string Color(double value, double max)
    {
        if (!double.IsFinite(value)) return Missing;
        var t = max > 0 && double.IsFinite(max) ? Math.Clamp(value / max, 0, 1) : 0;
        return Hex(Interpolate(t));
    }

    /// <summary>Text that reads on a cell of that colour: black on light cells, white on dark ones.</summary>
    public static string TextColor(string background)
    {
        var (r, g, b) = Parse(background);
        // Relative luminance (sRGB, WCAG): white text wins its contrast below about 0.18.
        return Luminance(r, g, b) < 0.18 ? "#ffffff" : "#212121";
    }

    /// <summary>A CSS gradient across the whole ramp, left to right, for the legend.</summary>
    public static string Gradient() =>
        "linear-gradient(to right, " + string.Join(", ", Stops.Select((s, i) =>
            $"{s} {(100.0 * i / (Stops.Count - 1)).ToString("0.##", CultureInfo.InvariantCulture)}%")) + ")";

    private static (double R, double G, double B) Interpolate(double t)
    {
        var at = t * (Stops.Count - 1);
        var lower = Math.Min((int)Math.Floor(at), Stops.Count - 2);
        var f = at - lower;
        var (r0, g0, b0) = Parse(Stops[lower]);
        var (r1, g1, b1) = Parse(Stops[lower + 1]);
        return (r0 + (r1 - r0) * f, g0 + (g1 - g0) * f, b0 + (b1 - b0) * f);
    }

    private static string Hex((double R, double G, double B) c) =>
        $"#{Byte(c.R):x2}{Byte(c.G):x2}{Byte(c.B):x2}";

    private static int Byte(double v) => (int)Math.Round(Math.Clamp(v, 0, 255), MidpointRounding.AwayFromZero);

    private static (int R, int G, int B) Parse(string hex)
    {
        if (hex.Length != 7 || hex[0] != '#') throw new FormatException($"not a #rrggbb colour: '{hex}'");
        return (Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));
    }

    private static double Luminance(int r, int g, int b)
    {
        static double Linear(int c)
        {
            var v = c / 255.0;
            return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Linear(r) + 0.7152 * Linear(g) + 0.0722 * Linear(b);
    }
}
