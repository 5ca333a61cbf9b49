using AgCc.Dashboard.Corpora;
using AgCc.Grains.Gestures;

namespace AgCc.Dashboard.Gestures;

/// <summary>
/// Turns a clustering's centres into mouth tracks as the mouth drawing wants them
/// (<see cref="MouthGeometry"/>: frames of 20 points as interleaved x, y). A centre is
/// Length × Dimensions values, row-major, with the 20 mouth landmarks x, y interleaved per frame,
/// so a centre with 40 dimensions is such a track already; anything else cannot be drawn as a mouth.
/// </summary>
public static class CenterFrames
{
    /// <summary>Why the centres cannot be drawn as mouths, or null when they can.</summary>
    public static string? Problem(GestureCenters centers)
    {
        if (centers.Values.Count == 0) return "the clustering has no centres";
        if (centers.Dimensions != MouthGeometry.ValuesPerFrame)
            return $"the centres have {centers.Dimensions} values per frame; a mouth needs {MouthGeometry.ValuesPerFrame} (20 landmarks, x and y)";
        if (centers.Length < 1) return "the centres have no frames";
        for (var c = 0; c < centers.Values.Count; c++)
        {
            if (centers.Values[c].Length != centers.Length * centers.Dimensions)
                return $"centre {c} has {centers.Values[c].Length} values, not {centers.Length} × {centers.Dimensions}";
        }
        return null;
    }

    /// <summary>Centre <paramref name="cluster"/> as a mouth track (frames × 40; a copy).</summary>
    public static float[] Frames(GestureCenters centers, int cluster)
    {
        if (Problem(centers) is { } problem) throw new InvalidOperationException(problem);
        ArgumentOutOfRangeException.ThrowIfNegative(cluster);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cluster, centers.Values.Count);
        return (float[])centers.Values[cluster].Clone();
    }

    /// <summary>
    /// One view box for every centre (around every tracked point of every frame of every centre),
    /// so the mouths are drawn at the same scale and compare by size and position.
    /// </summary>
    public static ViewBox SharedBounds(GestureCenters centers, double padding = 0.15)
    {
        if (Problem(centers) is not null) return MouthGeometry.Bounds([], padding);
        return MouthGeometry.Bounds(centers.Values.SelectMany(v => v).ToArray(), padding);
    }

    /// <summary>Every centre for the browser (NaN as null, rounded like <see cref="MouthGeometry.ForBrowser"/>).</summary>
    public static float?[][] ForBrowser(GestureCenters centers) =>
        Enumerable.Range(0, centers.Values.Count).Select(c => MouthGeometry.ForBrowser(Frames(centers, c))).ToArray();

    /// <summary>
    /// How far the lips part in each frame: the mean vertical distance between the inner lip's upper
    /// points (landmarks 61–63) and lower points (65–67, mirrored), NaN where a frame is not tracked.
    /// The page names the frame where a centre opens widest.
    /// </summary>
    public static double[] Opening(float[] frames)
    {
        var count = MouthGeometry.FrameCount(frames);
        var result = new double[count];
        // Inner-lip points 60..67 are indices 12..19: upper 61, 62, 63 ↔ lower 67, 66, 65.
        (int Upper, int Lower)[] pairs = [(13, 19), (14, 18), (15, 17)];
        for (var f = 0; f < count; f++)
        {
            if (!MouthGeometry.IsTracked(frames, f))
            {
                result[f] = double.NaN;
                continue;
            }
            var sum = 0.0;
            foreach (var (upper, lower) in pairs)
            {
                sum += frames[f * MouthGeometry.ValuesPerFrame + 2 * lower + 1] - frames[f * MouthGeometry.ValuesPerFrame + 2 * upper + 1];
            }
            result[f] = sum / pairs.Length;
        }
        return result;
    }
}
