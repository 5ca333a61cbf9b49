namespace AgCc.Core.Synthesis;

/// <summary>
/// A corpus's video: frame size, where and how large the face appears (pixels per face unit),
/// the camera's in-plane rotation, the tracker's per-point jitter and confidence, and how often
/// the tracker fails (per utterance: short 1–3 frame losses inside speech, longer ones only
/// in the leading or trailing silence).
/// </summary>
public sealed record Camera(
    int ImageWidth,
    int ImageHeight,
    double PixelsPerUnit,
    double CentreX,
    double CentreY,
    double RollDegrees,
    double JitterPixels,
    double PoseSpreadDegrees,
    double Confidence,
    double ShortFailureProbability,
    double LongFailureProbability)
{
    /// <summary>
    /// Weak-perspective projection of face points under a head pose: rotate (yaw about the
    /// vertical axis, pitch, then roll with the camera's own roll), scale, translate, jitter.
    /// </summary>
    public void Project(
        ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, in HeadPose pose,
        float[] px, float[] py, ref Prng rng)
    {
        var (sy, cy) = Math.SinCos(pose.Yaw);
        var (sp, cp) = Math.SinCos(pose.Pitch);
        var (sr, cr) = Math.SinCos(pose.Roll + RollDegrees * Math.PI / 180);
        var scale = PixelsPerUnit * pose.Scale;
        var ox = CentreX + pose.X * PixelsPerUnit;
        var oy = CentreY + pose.Y * PixelsPerUnit;
        for (var i = 0; i < px.Length; i++)
        {
            var x1 = x[i] * cy + z[i] * sy;
            var z1 = -x[i] * sy + z[i] * cy;
            var y1 = y[i] * cp - z1 * sp;
            var u = x1 * cr - y1 * sr;
            var v = x1 * sr + y1 * cr;
            px[i] = (float)(ox + scale * u + JitterPixels * rng.Gaussian());
            py[i] = (float)(oy + scale * v + JitterPixels * rng.Gaussian());
        }
    }
}

/// <summary>Head pose in radians and face units (translation), with a relative scale (distance).</summary>
public readonly record struct HeadPose(double Yaw, double Pitch, double Roll, double X, double Y, double Scale);

/// <summary>
/// Per-utterance head movement: a random starting pose (the speaker's seat plus a spread) and a
/// slow drift (two sinusoids per axis, 0.15–0.8 Hz), larger for aroused emotions.
/// </summary>
public sealed class HeadMotion
{
    private readonly HeadPose _start;
    private readonly (double A, double F, double P)[] _waves;

    public HeadMotion(SpeakerProfile speaker, EmotionStyle style, Camera camera, ref Prng rng)
    {
        var deg = Math.PI / 180;
        _start = new HeadPose(
            rng.Gaussian(0, camera.PoseSpreadDegrees) * deg,
            rng.Gaussian(0, 0.7 * camera.PoseSpreadDegrees) * deg,
            rng.Gaussian(0, 0.5 * camera.PoseSpreadDegrees) * deg,
            speaker.SeatX + rng.Gaussian(0, 0.08),
            speaker.SeatY + rng.Gaussian(0, 0.05),
            Math.Exp(rng.Gaussian(0, 0.03)));
        // Amplitudes per axis: yaw, pitch, roll (radians), x, y (units), scale (relative).
        double[] amplitude = [2.0 * deg, 1.5 * deg, 0.8 * deg, 0.04, 0.03, 0.01];
        _waves = new (double, double, double)[12];
        for (var i = 0; i < 12; i++)
            _waves[i] = (style.HeadMotion * amplitude[i / 2] * rng.Uniform(0.3, 1.0), rng.Uniform(0.15, 0.8), rng.Uniform(0, 2 * Math.PI));
    }

    public HeadPose At(double t)
    {
        Span<double> d = stackalloc double[6];
        for (var i = 0; i < 12; i++) d[i / 2] += _waves[i].A * Math.Sin(2 * Math.PI * _waves[i].F * t + _waves[i].P);
        return new HeadPose(_start.Yaw + d[0], _start.Pitch + d[1], _start.Roll + d[2], _start.X + d[3], _start.Y + d[4], _start.Scale * (1 + d[5]));
    }
}
