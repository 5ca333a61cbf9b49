using AgCc.Core.Formats;
using AgCc.Core.Landmarks;
using static AgCc.Core.Tests.Landmarks.OpenFaceTestFiles;

namespace AgCc.Core.Tests.Landmarks;

[Trait("Category", Categories.Unit)]
public class MouthNormalizerTests
{
    private const double Invariance = 1e-4;

    public static TheoryData<double, double, double, double> Poses => new()
    {
        { 0.0, 1.0, 0, 0 },
        { 0.3, 2.5, 320, 240 },
        { -0.45, 0.6, 100.5, 900.25 },
        { 1.2, 1.7, -40, 15 },
        { Math.PI, 3.0, 640, 480 },
    };

    [Theory]
    [MemberData(nameof(Poses))]
    public void Face_normalisation_undoes_roll_scale_and_translation(double roll, double scale, double tx, double ty)
    {
        var reference = Normalize(LandmarkNormalization.Face, SyntheticFace.Points(opening: 4));
        var moved = Normalize(LandmarkNormalization.Face, SyntheticFace.Points(opening: 4, roll, scale, tx, ty));

        AssertClose(reference, moved, Invariance);
    }

    [Fact]
    public void Face_normalisation_puts_the_nose_at_the_origin_in_eye_distance_units()
    {
        // The synthetic face has its nose at the origin and eye corners 100 apart, level.
        var values = Normalize(LandmarkNormalization.Face, SyntheticFace.Points(roll: 0.2, scale: 2, tx: 50, ty: 60));

        var expected = SyntheticFace.Mouth.SelectMany(p => new[] { p.X / 100, p.Y / 100 }).ToArray();
        AssertClose(expected, values, 1e-6);
    }

    [Theory]
    [InlineData(1.0, 0, 0)]
    [InlineData(2.5, 320, 240)]
    [InlineData(0.4, -17.5, 3000)]
    public void Mouth_normalisation_undoes_scale_and_translation(double scale, double tx, double ty)
    {
        var reference = Normalize(LandmarkNormalization.Mouth, SyntheticFace.Points(opening: 7));
        var moved = Normalize(LandmarkNormalization.Mouth, SyntheticFace.Points(opening: 7, 0, scale, tx, ty));

        AssertClose(reference, moved, Invariance);
    }

    [Fact]
    public void Mouth_normalisation_centres_the_mouth_and_makes_its_width_one()
    {
        var v = Normalize(LandmarkNormalization.Mouth, SyntheticFace.Points(opening: 5, roll: 0.3, scale: 1.7, tx: 200, ty: 100));

        Assert.Equal(0, Enumerable.Range(0, 20).Sum(l => v[2 * l]), 1e-5);
        Assert.Equal(0, Enumerable.Range(0, 20).Sum(l => v[2 * l + 1]), 1e-5);
        Assert.Equal(1, Math.Sqrt(Math.Pow(v[12] - v[0], 2) + Math.Pow(v[13] - v[1], 2)), 1e-6);
    }

    [Fact]
    public void Mouth_normalisation_does_not_rotate_as_METHOD_names_no_rotation()
    {
        var level = Normalize(LandmarkNormalization.Mouth, SyntheticFace.Points());
        var rolled = Normalize(LandmarkNormalization.Mouth, SyntheticFace.Points(roll: 0.3));

        Assert.True(Math.Abs(level[1] - rolled[1]) > 0.05);
    }

    [Fact]
    public void Coincident_eye_corners_cannot_be_normalised()
    {
        var (x, y) = SyntheticFace.Points();
        (x[45], y[45]) = (x[36], y[36]);

        Assert.False(MouthNormalizer.TryNormalize(LandmarkNormalization.Face, x, y, new float[40]));
    }

    [Fact]
    public void The_reader_treats_a_frame_that_cannot_be_normalised_as_a_gap()
    {
        var frames = SyntheticFace.Video(10, (f, frame) =>
        {
            if (f == 4) (frame.X[45], frame.Y[45]) = (frame.X[36], frame.Y[36]);
            return frame;
        });

        var track = RoundTrip(frames);

        Assert.Equal(FrameStatus.Interpolated, track.Status[3]);
    }

    [Theory]
    [MemberData(nameof(Poses))]
    public void Read_tracks_of_a_moved_face_are_the_same_after_normalisation(double roll, double scale, double tx, double ty)
    {
        var still = SyntheticFace.Video(6);
        var moved = still.Select(f =>
            SyntheticFace.Frame(f.Frame, f.Timestamp, opening: 6 + 5 * Math.Sin(0.4 * f.Frame), roll: 0.05 + roll, scale: 1.3 * scale, tx: 320 + tx, ty: 240 + ty)).ToList();

        AssertClose(RoundTrip(still).Values.ToArray().Select(v => (double)v).ToArray(),
            RoundTrip(moved).Values.ToArray(), Invariance);
    }

    [Fact]
    public void Auto_uses_face_when_the_nose_and_eye_columns_exist_and_mouth_otherwise()
    {
        var text = WriteText(SyntheticFace.Video(5));
        Assert.Equal(LandmarkNormalization.Face, ReadText(text).Normalization);

        var mouthOnly = new Table(text).RemoveColumn("x_36").ToString();
        Assert.Equal(LandmarkNormalization.Mouth, ReadText(mouthOnly).Normalization);
    }

    [Fact]
    public void Forcing_face_without_its_columns_names_them()
    {
        var text = new Table(WriteText(SyntheticFace.Video(5))).RemoveColumn("x_33").RemoveColumn("y_45").ToString();

        var e = Assert.Throws<InputException>(() => ReadText(text, options: new OpenFaceReadOptions { Normalization = LandmarkNormalization.Face }));

        Assert.Equal("line 1", e.Location);
        Assert.Contains("x_33, y_45", e.Problem);
    }

    [Fact]
    public void None_keeps_the_pixels()
    {
        var frames = SyntheticFace.Video(3);
        var track = RoundTrip(frames, new OpenFaceReadOptions { Normalization = LandmarkNormalization.None });

        Assert.Equal(LandmarkNormalization.None, track.Normalization);
        Assert.Equal(frames[1].X[48], track.Frame(1)[0], 1e-3);
        Assert.Equal(frames[1].Y[67], track.Frame(1)[39], 1e-3);
    }

    private static double[] Normalize(LandmarkNormalization mode, (float[] X, float[] Y) points)
    {
        var values = new float[MouthTrack.ValuesPerFrame];
        Assert.True(MouthNormalizer.TryNormalize(mode, points.X, points.Y, values));
        return values.Select(v => (double)v).ToArray();
    }

    private static void AssertClose(double[] expected, IReadOnlyList<double> actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) < tolerance, $"value {i}: {expected[i]} vs {actual[i]}");
    }

    private static void AssertClose(double[] expected, float[] actual, double tolerance) =>
        AssertClose(expected, actual.Select(v => (double)v).ToArray(), tolerance);
}
