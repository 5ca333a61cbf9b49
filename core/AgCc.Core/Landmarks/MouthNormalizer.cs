namespace AgCc.Core.Landmarks;

/// <summary>
/// The per-frame normalisations of METHOD.md step 1, on 40 interleaved mouth values (landmarks
/// 48–67 as (x, y) pairs, image coordinates: y grows downwards). Computed in double, stored as float.
/// A frame whose reference length is zero or not finite cannot be normalised: the Try methods
/// return false and the reader treats the frame as a gap.
/// </summary>
public static class MouthNormalizer
{
    /// <summary>Shorter reference lengths (pixels) count as degenerate.</summary>
    public const double MinReferenceLength = 1e-6;

    private const int Values = MouthTrack.ValuesPerFrame;

    /// <summary>
    /// "face": p' = R(−θ)(p − nose) / d, with θ the angle of the vector from eye corner 36 to 45 and
    /// d its length; afterwards the eye corners lie at (a, 0) and (a + 1, 0) for some a.
    /// </summary>
    public static bool TryNormalizeFace(ReadOnlySpan<float> mouth, in FaceAnchors anchors, Span<float> destination)
    {
        Check(mouth, destination);
        var dx = anchors.Eye45X - anchors.Eye36X;
        var dy = anchors.Eye45Y - anchors.Eye36Y;
        var d = Math.Sqrt(dx * dx + dy * dy);
        if (!(d >= MinReferenceLength) || !double.IsFinite(d) || !double.IsFinite(anchors.NoseX) || !double.IsFinite(anchors.NoseY))
            return false;

        // cos θ / d and sin θ / d: rotation and scaling in one step.
        var c = dx / (d * d);
        var s = dy / (d * d);
        for (var i = 0; i < Values; i += 2)
        {
            var px = mouth[i] - anchors.NoseX;
            var py = mouth[i + 1] - anchors.NoseY;
            destination[i] = (float)(c * px + s * py);
            destination[i + 1] = (float)(c * py - s * px);
        }

        return true;
    }

    /// <summary>"mouth": p' = (p − centroid of 48–67) / |p54 − p48|; no rotation (METHOD.md names none).</summary>
    public static bool TryNormalizeMouth(ReadOnlySpan<float> mouth, Span<float> destination)
    {
        Check(mouth, destination);
        double cx = 0, cy = 0;
        for (var i = 0; i < Values; i += 2)
        {
            cx += mouth[i];
            cy += mouth[i + 1];
        }

        cx /= MouthTrack.Points;
        cy /= MouthTrack.Points;

        // Landmark 54 is the 7th mouth point (index 6): values 12 and 13.
        var wx = (double)mouth[12] - mouth[0];
        var wy = (double)mouth[13] - mouth[1];
        var width = Math.Sqrt(wx * wx + wy * wy);
        if (!(width >= MinReferenceLength) || !double.IsFinite(width) || !double.IsFinite(cx) || !double.IsFinite(cy))
            return false;

        for (var i = 0; i < Values; i += 2)
        {
            destination[i] = (float)((mouth[i] - cx) / width);
            destination[i + 1] = (float)((mouth[i + 1] - cy) / width);
        }

        return true;
    }

    /// <summary>
    /// Normalises one frame given as 68 x and 68 y pixel coordinates (OpenFace's <c>x_0..x_67</c>,
    /// <c>y_0..y_67</c>). <see cref="LandmarkNormalization.Auto"/> means "face" here.
    /// </summary>
    public static bool TryNormalize(
        LandmarkNormalization mode, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination)
    {
        if (x.Length != OpenFaceColumns.FaceLandmarks || y.Length != OpenFaceColumns.FaceLandmarks)
            throw new ArgumentException($"expected {OpenFaceColumns.FaceLandmarks} x and y coordinates");
        Span<float> mouth = stackalloc float[Values];
        for (var l = 0; l < MouthTrack.Points; l++)
        {
            mouth[2 * l] = x[MouthTrack.FirstLandmark + l];
            mouth[2 * l + 1] = y[MouthTrack.FirstLandmark + l];
        }

        switch (mode)
        {
            case LandmarkNormalization.Mouth:
                return TryNormalizeMouth(mouth, destination);
            case LandmarkNormalization.None:
                Check(mouth, destination);
                mouth.CopyTo(destination);
                return true;
            default:
                return TryNormalizeFace(mouth, new FaceAnchors(x[33], y[33], x[36], y[36], x[45], y[45]), destination);
        }
    }

    private static void Check(ReadOnlySpan<float> mouth, Span<float> destination)
    {
        if (mouth.Length != Values || destination.Length != Values)
            throw new ArgumentException($"expected {Values} interleaved mouth values in and out");
    }
}
