using System.Globalization;
using System.Text;
using AgCc.Dashboard.Corpora;

namespace AgCc.Dashboard.Gestures;

/// <summary>A point of a curve in view-box units, with the iteration (from 1) and value it shows.</summary>
public readonly record struct CurvePoint(double X, double Y, int Iteration, double Value);

/// <summary>An axis tick: where it sits along its axis (view-box units) and its label.</summary>
public readonly record struct CurveTick(double Position, string Label);

/// <summary>A laid-out curve: the polyline's points attribute, its points, and the axes' ticks.</summary>
public sealed record CurvePlot(
    string Points, IReadOnlyList<CurvePoint> Markers, IReadOnlyList<CurveTick> YTicks, IReadOnlyList<CurveTick> XTicks, double Low, double High)
{
    public bool IsEmpty => Markers.Count == 0;
}

/// <summary>
/// Lays a per-iteration series (inertia, moved segments) out in an SVG view box
/// <see cref="Width"/> × <see cref="Height"/>: iteration 1 at the left of the plot area, the last at
/// the right, the value axis from a round number below the smallest value to one above the largest.
/// Non-finite values are left out. Pure, so the page redraws it on every status poll.
/// </summary>
public static class CurveLayout
{
    public const double Width = 600;
    public const double Height = 220;
    public const double Left = 70;
    public const double Right = 14;
    public const double Top = 12;
    public const double Bottom = 30;

    public static double PlotWidth => Width - Left - Right;

    public static double PlotHeight => Height - Top - Bottom;

    /// <param name="values">One value per iteration, the first being iteration 1.</param>
    /// <param name="fromZero">Whether the value axis includes 0 (counts).</param>
    public static CurvePlot Layout(IReadOnlyList<double> values, bool fromZero = false)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return new CurvePlot("", [], [], [], 0, 1);

        double min = finite.Min(), max = finite.Max();
        if (fromZero)
        {
            min = Math.Min(min, 0);
            max = Math.Max(max, 0);
        }
        if (max - min <= Math.Abs(max) * 1e-12)
        {
            // A flat series: give it room so it sits in the middle (counts stay at or above 0).
            var pad = Math.Abs(max) > 0 ? Math.Abs(max) * 0.1 : 1;
            (min, max) = (min - pad, max + pad);
            if (fromZero && finite.Min() >= 0) min = Math.Max(min, 0);
        }
        var step = NiceStep((max - min) / 4);
        var low = Math.Floor(min / step) * step;
        var high = Math.Ceiling(max / step) * step;
        if (high <= low) high = low + step;

        var yTicks = new List<CurveTick>();
        var digits = Decimals(step);
        var count = (int)Math.Round((high - low) / step);
        for (var k = 0; k <= count; k++)
        {
            var v = low + k * step;
            yTicks.Add(new CurveTick(Y(v, low, high), Label(v, digits, Math.Max(Math.Abs(low), Math.Abs(high)))));
        }

        var n = values.Count;
        var markers = new List<CurvePoint>(finite.Length);
        var points = new StringBuilder(finite.Length * 16);
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(values[i])) continue;
            var p = new CurvePoint(X(i + 1, n), Y(values[i], low, high), i + 1, values[i]);
            markers.Add(p);
            if (points.Length > 0) points.Append(' ');
            points.Append(Svg.Number(p.X)).Append(',').Append(Svg.Number(p.Y));
        }

        var xTicks = new List<CurveTick>();
        var xStep = (int)Math.Max(1, NiceStep(Math.Max(1, (n - 1) / 8.0)));
        xTicks.Add(new CurveTick(X(1, n), "1"));
        for (var it = xStep; it <= n; it += xStep)
        {
            if (it > 1) xTicks.Add(new CurveTick(X(it, n), it.ToString(CultureInfo.InvariantCulture)));
        }
        return new CurvePlot(points.ToString(), markers, yTicks, xTicks, low, high);
    }

    /// <summary>Where iteration <paramref name="iteration"/> (from 1) of <paramref name="count"/> sits; a lone one at the left.</summary>
    public static double X(int iteration, int count) =>
        count <= 1 ? Left : Left + (double)(iteration - 1) / (count - 1) * PlotWidth;

    /// <summary>Where a value sits between <paramref name="low"/> (the bottom) and <paramref name="high"/> (the top).</summary>
    public static double Y(double value, double low, double high) =>
        Top + (1 - Math.Clamp((value - low) / (high - low), 0, 1)) * PlotHeight;

    /// <summary>The round number (1, 2, 2.5 or 5 times a power of ten) at or above <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        if (!(rough > 0) || !double.IsFinite(rough)) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var m in (double[])[1, 2, 2.5, 5, 10])
        {
            if (m * power >= rough * (1 - 1e-9)) return m * power;
        }
        return 10 * power;
    }

    private static int Decimals(double step)
    {
        var d = 0;
        while (d < 10 && Math.Abs(step * Math.Pow(10, d) - Math.Round(step * Math.Pow(10, d))) > 1e-6 * step * Math.Pow(10, d)) d++;
        return d;
    }

    /// <summary>A tick label: fixed with as many decimals as the step needs, or scientific for very large or small magnitudes.</summary>
    public static string Label(double value, int decimals, double magnitude)
    {
        if (Math.Abs(value) < 1e-12 * Math.Max(1, magnitude)) value = 0;
        if (magnitude >= 1e6 || (magnitude > 0 && magnitude < 1e-3))
            return value == 0 ? "0" : value.ToString("0.###E+0", CultureInfo.InvariantCulture);
        return value.ToString("N" + decimals, CultureInfo.InvariantCulture);
    }
}
