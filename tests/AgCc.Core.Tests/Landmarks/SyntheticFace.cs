using AgCc.Core.Landmarks;

namespace AgCc.Core.Tests.Landmarks;

/// <summary>
/// A frontal 68-point iBUG face (nose tip 33 at the origin, outer eye corners 36 and 45 at
/// (−50, −45) and (50, −45), so 100 apart and level) that can be opened, rolled, scaled and moved.
/// </summary>
internal static class SyntheticFace
{
    private static readonly int[] LowerLip = [55, 56, 57, 58, 59, 65, 66, 67];

    /// <summary>The mouth 48–67 of the untransformed face, interleaved (x, y).</summary>
    public static readonly (double X, double Y)[] Mouth =
    [
        (-25, 30), (-15, 24), (-6, 22), (0, 23), (6, 22), (15, 24), (25, 30),
        (16, 37), (7, 40), (0, 40.5), (-7, 40), (-16, 37),
        (-20, 30), (-7, 28), (0, 28.5), (7, 28), (20, 30), (7, 32), (0, 32.5), (-7, 32),
    ];

    /// <summary>The 68 points, lower lip opened by <paramref name="opening"/>, then rolled, scaled and moved.</summary>
    public static (float[] X, float[] Y) Points(double opening = 0, double roll = 0, double scale = 1, double tx = 0, double ty = 0)
    {
        var x = new float[68];
        var y = new float[68];
        var (c, s) = (Math.Cos(roll), Math.Sin(roll));
        for (var i = 0; i < 68; i++)
        {
            var (px, py) = Base(i);
            if (LowerLip.Contains(i)) py += opening;
            x[i] = (float)(tx + scale * (c * px - s * py));
            y[i] = (float)(ty + scale * (s * px + c * py));
        }

        return (x, y);
    }

    /// <summary>A tracked OpenFace frame of this face.</summary>
    public static OpenFaceFrame Frame(int frame, double timestamp, double opening = 0, double roll = 0, double scale = 1,
        double tx = 320, double ty = 240, double confidence = 0.98, bool success = true)
    {
        var (x, y) = Points(opening, roll, scale, tx, ty);
        return new OpenFaceFrame(frame, timestamp, confidence, success, x, y);
    }

    /// <summary>Frames 1..n at 30 fps, the mouth opening and closing.</summary>
    public static List<OpenFaceFrame> Video(int n, Func<int, OpenFaceFrame, OpenFaceFrame>? edit = null)
    {
        var frames = new List<OpenFaceFrame>(n);
        for (var f = 1; f <= n; f++)
        {
            var frame = Frame(f, (f - 1) / 30.0, opening: 6 + 5 * Math.Sin(0.4 * f), roll: 0.05, scale: 1.3);
            frames.Add(edit is null ? frame : edit(f, frame));
        }

        return frames;
    }

    private static (double X, double Y) Base(int i)
    {
        if (i >= 48) return Mouth[i - 48];
        return i switch
        {
            33 => (0, 0),
            36 => (-50, -45),
            45 => (50, -45),
            39 => (-18, -45),
            42 => (18, -45),
            < 17 => (-75 * Math.Cos(Math.PI * (0.05 + 0.9 * i / 16.0)), -20 + 85 * Math.Sin(Math.PI * (0.05 + 0.9 * i / 16.0))),
            < 27 => (-75 + 12 * (i - 17) + (i >= 22 ? 42 : 0), -75),
            < 31 => (0, -55 + 12 * (i - 27)),
            < 36 => (-12 + 6 * (i - 31), -2),
            < 42 => (-40 + 4 * (i - 36), -48 + (i % 2)),
            _ => (24 + 4 * (i - 42), -48 + (i % 2)),
        };
    }
}
