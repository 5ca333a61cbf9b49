using System.Globalization;
using System.Text;

namespace AgCc.Dashboard.Corpora;

/// <summary>
/// The mouth track as the utterance view draws it: frames of 20 points (landmarks 48–67 as
/// interleaved x, y; the outer lip is 48–59, the inner lip 60–67), y pointing down as in images,
/// NaN in frames without a tracked face. The browser animates it; this renders the first frame
/// and the view box on the server.
/// </summary>
public static class MouthGeometry
{
    public const int Points = 20;
    public const int ValuesPerFrame = 2 * Points;
    public const int OuterLipPoints = 12;
    public const int InnerLipPoints = Points - OuterLipPoints;

    public static int FrameCount(float[] values) => values.Length / ValuesPerFrame;

    /// <summary>Whether every coordinate of the frame is a number (gap frames are all NaN).</summary>
    public static bool IsTracked(float[] values, int frame)
    {
        if (frame < 0 || frame >= FrameCount(values)) return false;
        foreach (var v in values.AsSpan(frame * ValuesPerFrame, ValuesPerFrame))
        {
            if (!float.IsFinite(v)) return false;
        }
        return true;
    }

    /// <summary>The frame shown at <paramref name="time"/>: the last one whose timestamp is not after it (the first before it starts), or -1 without frames.</summary>
    public static int FrameAt(IReadOnlyList<double> timestamps, double time)
    {
        if (timestamps.Count == 0) return -1;
        int lo = 0, hi = timestamps.Count - 1;
        if (time <= timestamps[0]) return 0;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (timestamps[mid] <= time) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>
    /// A box around every tracked point of every frame, padded by <paramref name="padding"/> of its
    /// larger side, so the mouth never leaves the view while it moves. A unit box when nothing was tracked.
    /// </summary>
    public static ViewBox Bounds(float[] values, double padding = 0.15)
    {
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        var frames = FrameCount(values);
        for (var f = 0; f < frames; f++)
        {
            if (!IsTracked(values, f)) continue;
            for (var p = 0; p < Points; p++)
            {
                double x = values[f * ValuesPerFrame + 2 * p], y = values[f * ValuesPerFrame + 2 * p + 1];
                minX = Math.Min(minX, x);
                maxX = Math.Max(maxX, x);
                minY = Math.Min(minY, y);
                maxY = Math.Max(maxY, y);
            }
        }
        if (double.IsInfinity(minX)) return new ViewBox(-0.5, -0.5, 1, 1);
        var side = Math.Max(Math.Max(maxX - minX, maxY - minY), 1e-6);
        var pad = padding * side;
        return new ViewBox(minX - pad, minY - pad, maxX - minX + 2 * pad, maxY - minY + 2 * pad);
    }

    /// <summary>An SVG points list of <paramref name="count"/> points of a frame from <paramref name="first"/>; empty for a gap frame.</summary>
    public static string PointList(float[] values, int frame, int first, int count)
    {
        if (!IsTracked(values, frame)) return "";
        var text = new StringBuilder(count * 16);
        for (var p = first; p < first + count; p++)
        {
            if (text.Length > 0) text.Append(' ');
            var at = frame * ValuesPerFrame + 2 * p;
            text.Append(Svg.Number(values[at])).Append(',').Append(Svg.Number(values[at + 1]));
        }
        return text.ToString();
    }

    /// <summary>The frames for the browser: NaN becomes null (JSON has no NaN), values rounded to 1e-4.</summary>
    public static float?[] ForBrowser(float[] values)
    {
        var result = new float?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = float.IsFinite(values[i]) ? MathF.Round(values[i], 4) : null;
        }
        return result;
    }
}

public readonly record struct ViewBox(double X, double Y, double Width, double Height)
{
    public override string ToString() => $"{Svg.Number(X)} {Svg.Number(Y)} {Svg.Number(Width)} {Svg.Number(Height)}";
}

/// <summary>Numbers as SVG attributes want them: invariant culture, short.</summary>
public static class Svg
{
    public static string Number(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);
}
