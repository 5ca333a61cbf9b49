namespace AgCc.Core.Synthesis;

/// <summary>
/// The 68-point iBUG face in face units (outer eye corners 36 and 45 one unit apart and level,
/// nose tip 33 at the origin, y down, z towards the camera for head rotation). Jaw (0–16), brows
/// (17–26), nose (27–35) and eyes (36–47) come from the speaker's <see cref="FaceShape"/>; the
/// chin follows the jaw opening, the brows the emotion, the upper lids a blink. The mouth
/// (48–67) is drawn from the lip model with the iBUG topology: outer contour 48–59 clockwise from
/// the left corner (48 corner, 49–53 upper lip with the Cupid's bow peaks at 50 and 52, 54 corner,
/// 55–59 lower lip), inner contour 60–67 (60 and 64 inner corners, 61–63 upper, 65–67 lower).
/// Opening lowers the lower lip about twice as much as it raises the upper one; protrusion
/// thickens the visible lips and rounds the opening; emotion lifts or drops the corners and
/// raises the upper lip.
/// </summary>
public static class FaceModel
{
    public const int Points = 68;

    private static readonly double[] BrowX = [-0.72, -0.60, -0.46, -0.32, -0.18];
    private static readonly double[] BrowArch = [0.07, 0.015, 0.0, 0.005, 0.03];

    /// <summary>Writes the 68 points (x, y, z) for one instant.</summary>
    public static void Place(
        MouthState mouth, EmotionStyle style, FaceShape face, double eyeOpen,
        Span<double> x, Span<double> y, Span<double> z)
    {
        if (x.Length < Points || y.Length < Points || z.Length < Points)
            throw new ArgumentException($"need {Points} points");

        // Jaw line: an arc from ear to ear through the chin; the lower part drops with the jaw.
        var yc = -0.05;
        var b = face.ChinY - yc;
        for (var i = 0; i <= 16; i++)
        {
            var phi = -0.25 + (Math.PI + 0.5) * i / 16;
            var down = Math.Max(0, Math.Sin(phi));
            x[i] = -face.JawHalfWidth * Math.Cos(phi);
            y[i] = yc + b * Math.Sin(phi) + 0.9 * mouth.Jaw * down * down;
            z[i] = 0.1 - 0.5 * Math.Abs(Math.Cos(phi));
        }

        // Brows (17–21 left, outer to inner; 22–26 right, inner to outer).
        for (var i = 0; i < 5; i++)
        {
            var by = face.BrowY + BrowArch[i] - style.BrowRaise * (0.7 + 0.3 * i / 4.0);
            Set(x, y, z, 17 + i, BrowX[i], by, 0.05 + 0.02 * i);
            Set(x, y, z, 26 - i, -BrowX[i], by, 0.05 + 0.02 * i);
        }

        // Nose bridge 27–30 from between the eyes down to the tip; base 31–35 with 33 at the origin.
        var eyeY = face.EyeY * face.NoseLength;
        for (var i = 0; i < 4; i++)
            Set(x, y, z, 27 + i, 0, eyeY - 0.02 + (eyeY * -1 - 0.06) * i / 3.0, 0.2 + 0.075 * i);
        Set(x, y, z, 31, -0.19, -0.025, 0.18);
        Set(x, y, z, 32, -0.095, 0.005, 0.25);
        Set(x, y, z, 33, 0, 0, 0.30);
        Set(x, y, z, 34, 0.095, 0.005, 0.25);
        Set(x, y, z, 35, 0.19, -0.025, 0.18);

        // Eyes: 36 outer corner, 37–38 upper lid, 39 inner corner, 40–41 lower lid (42–47 mirrored).
        var open = Math.Clamp(eyeOpen, 0, 1.3);
        var upper = eyeY + 0.025 - 0.075 * open;
        var lower = eyeY + 0.03;
        Set(x, y, z, 36, -0.5, eyeY, 0.0);
        Set(x, y, z, 37, -0.385, upper, 0.06);
        Set(x, y, z, 38, -0.265, upper, 0.07);
        Set(x, y, z, 39, -0.16, eyeY + 0.005, 0.05);
        Set(x, y, z, 40, -0.265, lower, 0.07);
        Set(x, y, z, 41, -0.385, lower, 0.06);
        Set(x, y, z, 42, 0.16, eyeY + 0.005, 0.05);
        Set(x, y, z, 43, 0.265, upper, 0.07);
        Set(x, y, z, 44, 0.385, upper, 0.06);
        Set(x, y, z, 45, 0.5, eyeY, 0.0);
        Set(x, y, z, 46, 0.385, lower, 0.06);
        Set(x, y, z, 47, 0.265, lower, 0.07);

        Mouth(mouth, style, face, x, y, z);
    }

    private static void Mouth(MouthState m, EmotionStyle style, FaceShape face, Span<double> x, Span<double> y, Span<double> z)
    {
        var w = 0.5 * m.Width;
        var wi = w * (0.86 - 0.12 * m.Protrusion);
        var a = m.Aperture;
        var p = m.Protrusion;
        var drop = -style.CornerLift;
        var raise = style.UpperLipRaise;
        var tu = face.UpperLipThickness * (1 + 0.45 * p);
        var tl = face.LowerLipThickness * (1 + 0.35 * p);
        var exponent = 2.2 - p; // rounder opening when protruded

        double Base(double u) => face.MouthY + (drop + 0.1 * a) * u * u;
        double Opening(double u) => 1 - Math.Pow(Math.Min(1, u), exponent);
        double UpperInner(double u) => Base(u) - (0.35 * a + 0.3 * raise) * Opening(u);
        double LowerInner(double u) => Base(u) + 0.65 * a * Opening(u);
        double UpperOuter(double u, double h) => UpperInner(u * w / wi) - tu * h - raise * (1 - u * u);
        double LowerOuter(double u, double h) => LowerInner(u * w / wi) + tl * h;

        // Outer contour, clockwise in the image from the left corner.
        Set(x, y, z, 48, -w, Base(1), 0.02);
        Set(x, y, z, 49, -0.62 * w, UpperOuter(0.62, 0.65), 0.08);
        Set(x, y, z, 50, -0.30 * w, UpperOuter(0.30, 1.00), 0.13);
        Set(x, y, z, 51, 0, UpperOuter(0, 0.85), 0.15 + 0.08 * p);
        Set(x, y, z, 52, 0.30 * w, UpperOuter(0.30, 1.00), 0.13);
        Set(x, y, z, 53, 0.62 * w, UpperOuter(0.62, 0.65), 0.08);
        Set(x, y, z, 54, w, Base(1), 0.02);
        Set(x, y, z, 55, 0.62 * w, LowerOuter(0.62, 0.70), 0.07);
        Set(x, y, z, 56, 0.30 * w, LowerOuter(0.30, 0.95), 0.11);
        Set(x, y, z, 57, 0, LowerOuter(0, 1.00), 0.13 + 0.07 * p);
        Set(x, y, z, 58, -0.30 * w, LowerOuter(0.30, 0.95), 0.11);
        Set(x, y, z, 59, -0.62 * w, LowerOuter(0.62, 0.70), 0.07);

        // Inner contour.
        Set(x, y, z, 60, -wi, Base(1), 0.04);
        Set(x, y, z, 61, -0.45 * wi, UpperInner(0.45), 0.11);
        Set(x, y, z, 62, 0, UpperInner(0), 0.13 + 0.06 * p);
        Set(x, y, z, 63, 0.45 * wi, UpperInner(0.45), 0.11);
        Set(x, y, z, 64, wi, Base(1), 0.04);
        Set(x, y, z, 65, 0.45 * wi, LowerInner(0.45), 0.10);
        Set(x, y, z, 66, 0, LowerInner(0), 0.12 + 0.06 * p);
        Set(x, y, z, 67, -0.45 * wi, LowerInner(0.45), 0.10);
    }

    private static void Set(Span<double> x, Span<double> y, Span<double> z, int i, double px, double py, double pz)
    {
        x[i] = px;
        y[i] = py;
        z[i] = pz;
    }
}
