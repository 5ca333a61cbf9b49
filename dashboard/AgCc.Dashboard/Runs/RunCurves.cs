using System.Globalization;
using System.Text;
using AgCc.Dashboard.Corpora;
using AgCc.Dashboard.Gestures;
using AgCc.Grains.Training;

namespace AgCc.Dashboard.Runs;

/// <summary>A per-epoch series before layout: its name, colour and (epoch, value) points.</summary>
public sealed record RunSeries(string Name, string Color, IReadOnlyList<(int Epoch, double Value)> Points);

/// <summary>A laid-out series: the polyline's points attribute and its markers (X, Y in view-box units; Iteration = epoch).</summary>
public sealed record RunSeriesPlot(string Name, string Color, string Points, IReadOnlyList<CurvePoint> Markers);

/// <summary>A laid-out chart of one or more series over epochs, in <see cref="CurveLayout"/>'s view box.</summary>
public sealed record RunChart(IReadOnlyList<RunSeriesPlot> Series, IReadOnlyList<CurveTick> YTicks, IReadOnlyList<CurveTick> XTicks, double Low, double High, int FirstEpoch, int LastEpoch)
{
    public bool IsEmpty => Series.All(s => s.Markers.Count == 0);
}

/// <summary>
/// A run's curves (loss; source-development and target UAR) laid out in C# for inline SVG, like
/// the Gestures pages' (<see cref="CurveLayout"/>'s view box and ticks): epochs along x from the
/// first to the last one finished, values from a round number below the lowest to one above the
/// highest. A series longer than <see cref="MaxPoints"/> is thinned to that many points, keeping
/// its first and last, so a 1000-epoch run costs the browser no more than a 200-epoch one.
/// </summary>
public static class RunCurves
{
    public const int MaxPoints = 200;

    public const string LossColor = "#1e88e5";
    public const string DevelopmentColor = "#43a047";
    public const string TargetColor = "#e53935";

    /// <summary>
    /// Colours for several runs on one chart (the compare page's: one series per run, in the
    /// selection's order), ColorBrewer's Dark2 then Set1, distinct on white; they repeat past the tenth.
    /// </summary>
    public static IReadOnlyList<string> Palette { get; } =
        ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#377eb8", "#e41a1c", "#666666"];

    /// <summary>The <paramref name="index"/>th series' colour (from 0), cycling through <see cref="Palette"/>.</summary>
    public static string SeriesColor(int index) => Palette[((index % Palette.Count) + Palette.Count) % Palette.Count];

    /// <summary>One metric of a history as a series: an epoch whose value is null is left out.</summary>
    public static RunSeries Series(string name, string color, IReadOnlyList<EpochMetricsRecord> history, Func<EpochMetricsRecord, double?> metric) =>
        new(name, color, [.. history.Select(h => (h.Epoch, Value: metric(h))).Where(p => p.Value is not null).Select(p => (p.Epoch, p.Value!.Value))]);

    public static IReadOnlyList<RunSeries> Loss(IReadOnlyList<EpochMetricsRecord> history) =>
        [Series("loss", LossColor, history, h => h.Loss)];

    /// <summary>Source-development UAR, and the target's where the run evaluates it per epoch.</summary>
    public static IReadOnlyList<RunSeries> Uar(IReadOnlyList<EpochMetricsRecord> history)
    {
        // In percent, as every UAR the pages print.
        var development = Series("source dev UAR", DevelopmentColor, history, h => 100 * h.DevelopmentUar);
        var target = Series("target UAR", TargetColor, history, h => 100 * h.TargetUar);
        return target.Points.Count == 0 ? [development] : [development, target];
    }

    /// <summary>At most <paramref name="max"/> items, evenly spread by index, the first and last always among them.</summary>
    public static IReadOnlyList<T> Downsample<T>(IReadOnlyList<T> items, int max = MaxPoints)
    {
        if (max < 2) throw new ArgumentOutOfRangeException(nameof(max), max, "keep at least the first and the last point");
        if (items.Count <= max) return items;
        var kept = new T[max];
        for (var i = 0; i < max; i++) kept[i] = items[(int)Math.Round((double)i * (items.Count - 1) / (max - 1), MidpointRounding.AwayFromZero)];
        return kept;
    }

    public static RunChart Layout(IReadOnlyList<RunSeries> series, int maxPoints = MaxPoints)
    {
        var finite = series.Select(s => Downsample(s.Points.Where(p => double.IsFinite(p.Value)).OrderBy(p => p.Epoch).ToArray(), maxPoints)).ToArray();
        var all = finite.SelectMany(p => p).ToArray();
        if (all.Length == 0) return new RunChart([.. series.Select(s => new RunSeriesPlot(s.Name, s.Color, "", []))], [], [], 0, 1, 0, 0);

        double min = all.Min(p => p.Value), max = all.Max(p => p.Value);
        if (max - min <= Math.Abs(max) * 1e-12)
        {
            var pad = Math.Abs(max) > 0 ? Math.Abs(max) * 0.1 : 1;
            (min, max) = (min - pad, max + pad);
        }
        var step = CurveLayout.NiceStep((max - min) / 4);
        var low = Math.Floor(min / step) * step;
        var high = Math.Ceiling(max / step) * step;
        if (high <= low) high = low + step;
        var digits = Decimals(step);
        var yTicks = new List<CurveTick>();
        for (var k = 0; k <= (int)Math.Round((high - low) / step); k++)
        {
            var v = low + k * step;
            yTicks.Add(new CurveTick(CurveLayout.Y(v, low, high), CurveLayout.Label(v, digits, Math.Max(Math.Abs(low), Math.Abs(high)))));
        }

        int first = all.Min(p => p.Epoch), last = all.Max(p => p.Epoch);
        var plots = new List<RunSeriesPlot>(series.Count);
        for (var s = 0; s < series.Count; s++)
        {
            var markers = new List<CurvePoint>(finite[s].Count);
            var points = new StringBuilder(finite[s].Count * 16);
            foreach (var (epoch, value) in finite[s])
            {
                var p = new CurvePoint(X(epoch, first, last), CurveLayout.Y(value, low, high), epoch, value);
                markers.Add(p);
                if (points.Length > 0) points.Append(' ');
                points.Append(Svg.Number(p.X)).Append(',').Append(Svg.Number(p.Y));
            }
            plots.Add(new RunSeriesPlot(series[s].Name, series[s].Color, points.ToString(), markers));
        }

        var xTicks = new List<CurveTick> { new(X(first, first, last), first.ToString(CultureInfo.InvariantCulture)) };
        var xStep = (int)Math.Max(1, CurveLayout.NiceStep(Math.Max(1, (last - first) / 8.0)));
        for (var e = (first / xStep + 1) * xStep; e <= last; e += xStep)
        {
            if (e > first) xTicks.Add(new CurveTick(X(e, first, last), e.ToString(CultureInfo.InvariantCulture)));
        }
        return new RunChart(plots, yTicks, xTicks, low, high, first, last);
    }

    /// <summary>Where epoch <paramref name="epoch"/> sits between the first (left) and the last (right); a lone one at the left.</summary>
    public static double X(int epoch, int first, int last) =>
        last <= first ? CurveLayout.Left : CurveLayout.Left + (double)(epoch - first) / (last - first) * CurveLayout.PlotWidth;

    private static int Decimals(double step)
    {
        var d = 0;
        while (d < 10 && Math.Abs(step * Math.Pow(10, d) - Math.Round(step * Math.Pow(10, d))) > 1e-6 * step * Math.Pow(10, d)) d++;
        return d;
    }
}
