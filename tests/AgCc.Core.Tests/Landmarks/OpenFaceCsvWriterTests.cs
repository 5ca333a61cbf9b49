using AgCc.Core.Landmarks;
using static AgCc.Core.Tests.Landmarks.OpenFaceTestFiles;

namespace AgCc.Core.Tests.Landmarks;

[Trait("Category", Categories.Unit)]
public class OpenFaceCsvWriterTests
{
    [Fact]
    public void The_header_is_OpenFaces_with_every_group_in_order()
    {
        var header = WriteText([]).TrimEnd('\n').Split(", ");

        Assert.Equal(714, header.Length);
        Assert.Equal(OpenFaceColumns.Names, header);
        Assert.Equal(["frame", "face_id", "timestamp", "confidence", "success", "gaze_0_x"], header[..6]);
        Assert.Equal("eye_lmk_x_0", header[13]);
        Assert.Equal("eye_lmk_Z_55", header[292]);
        Assert.Equal(["pose_Tx", "pose_Ty", "pose_Tz", "pose_Rx", "pose_Ry", "pose_Rz", "x_0"], header[293..300]);
        Assert.Equal(["x_67", "y_0"], header[366..368]);
        Assert.Equal(["Z_67", "p_scale"], header[638..640]);
        Assert.Equal(["p_33", "AU01_r"], header[678..680]);
        Assert.Equal(["AU45_r", "AU01_c"], header[695..697]);
        Assert.Equal(["AU26_c", "AU28_c", "AU45_c"], header[711..714]);
    }

    [Fact]
    public void The_file_matches_what_OpenFace_writes_in_the_columns_the_writer_knows()
    {
        // Frames from the fixture (made by make_fixtures.py in OpenFace's format), written again.
        var fixture = File.ReadAllText(Fixture("full_columns.csv"));
        var original = new Table(fixture);
        var frames = Enumerable.Range(2, 12).Select(line => new OpenFaceFrame(
            int.Parse(original.Get(line, "frame")),
            double.Parse(original.Get(line, "timestamp")),
            double.Parse(original.Get(line, "confidence")),
            original.Get(line, "success") == "1",
            Enumerable.Range(0, 68).Select(i => float.Parse(original.Get(line, $"x_{i}"))).ToArray(),
            Enumerable.Range(0, 68).Select(i => float.Parse(original.Get(line, $"y_{i}"))).ToArray())).ToList();

        var written = new Table(WriteText(frames));

        Assert.Equal(fixture.Split('\n')[0], WriteText([]).TrimEnd('\n'));
        var known = new[] { "frame", "face_id", "timestamp", "confidence", "success" }
            .Concat(Enumerable.Range(0, 68).SelectMany(i => new[] { $"x_{i}", $"y_{i}" }));
        foreach (var line in Enumerable.Range(2, 12))
        {
            foreach (var column in known) Assert.Equal(original.Get(line, column), written.Get(line, column));
        }
    }

    [Fact]
    public void Values_use_OpenFaces_decimals_and_unknown_columns_are_zeros()
    {
        var frame = SyntheticFace.Frame(7, 0.2, tx: 300.04, ty: 200.06, confidence: 0.975);
        var table = new Table(WriteText([frame]));

        Assert.Equal("7", table.Get(2, "frame"));
        Assert.Equal("0", table.Get(2, "face_id"));
        Assert.Equal("0.200", table.Get(2, "timestamp"));
        Assert.Equal("0.97", table.Get(2, "confidence")); // 0.975 is a hair below in binary
        Assert.Equal("1", table.Get(2, "success"));
        Assert.Equal("300.0", table.Get(2, "x_33"));
        Assert.Equal("200.1", table.Get(2, "y_33"));
        Assert.Equal("0.000000", table.Get(2, "gaze_0_x"));
        Assert.Equal("0.000", table.Get(2, "gaze_angle_y"));
        Assert.Equal("0.0", table.Get(2, "eye_lmk_Z_55"));
        Assert.Equal("0.0", table.Get(2, "pose_Tz"));
        Assert.Equal("0.000", table.Get(2, "pose_Rz"));
        Assert.Equal("0.0", table.Get(2, "Z_67"));
        Assert.Equal("0.000", table.Get(2, "p_scale"));
        Assert.Equal("0.000", table.Get(2, "p_33"));
        Assert.Equal("0.00", table.Get(2, "AU45_r"));
        Assert.Equal("0.0", table.Get(2, "AU45_c"));
    }

    [Fact]
    public void A_frame_without_success_has_zero_landmarks()
    {
        var frame = SyntheticFace.Frame(3, 0.1, confidence: 0.1, success: false);
        var table = new Table(WriteText([frame]));

        Assert.Equal("0", table.Get(2, "success"));
        Assert.Equal("0.10", table.Get(2, "confidence"));
        Assert.All(Enumerable.Range(0, 68), i => Assert.Equal("0.0", table.Get(2, $"x_{i}")));
        Assert.All(Enumerable.Range(0, 68), i => Assert.Equal("0.0", table.Get(2, $"y_{i}")));
    }

    [Fact]
    public void Writer_then_reader_gives_back_the_pixels_to_the_written_precision()
    {
        var frames = SyntheticFace.Video(15, (f, frame) => f == 9 ? frame with { Success = false } : frame);
        var raw = new OpenFaceReadOptions { Normalization = LandmarkNormalization.None };

        var openFace = RoundTrip(frames, raw, landmarkDecimals: 1);
        var precise = RoundTrip(frames, raw, landmarkDecimals: 4);

        Assert.Equal(15, openFace.FrameCount);
        Assert.Equal(FrameStatus.Interpolated, openFace.Status[8]);
        foreach (var (track, tolerance) in new[] { (openFace, 0.05 + 1e-4), (precise, 1e-4) })
        {
            for (var i = 0; i < 15; i++)
            {
                Assert.Equal(frames[i].Frame, track.Frames[i]);
                Assert.Equal(frames[i].Timestamp, track.Timestamps[i], 0.0005 + 1e-12);
                if (i == 8) continue;
                for (var l = 0; l < 20; l++)
                {
                    Assert.Equal(frames[i].X[48 + l], track.Frame(i)[2 * l], tolerance);
                    Assert.Equal(frames[i].Y[48 + l], track.Frame(i)[2 * l + 1], tolerance);
                }
            }
        }
    }

    [Fact]
    public void Writes_to_a_file_the_reader_reads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"agcc-openface-{Guid.NewGuid():N}.csv");
        try
        {
            OpenFaceCsvWriter.Write(path, SyntheticFace.Video(12));
            var track = OpenFaceCsvReader.Read(path);
            Assert.Equal(12, track.FrameCount);
            Assert.Equal(LandmarkNormalization.Face, track.Normalization);
            Assert.Equal(path, track.Source);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Frames_the_reader_would_reject_are_refused()
    {
        var good = SyntheticFace.Frame(1, 0.0);

        Assert.Throws<ArgumentException>(() => WriteText([good with { X = new float[67] }]));
        Assert.Throws<ArgumentException>(() => WriteText([good, SyntheticFace.Frame(2, 0.0004)])); // same at 3 decimals
        Assert.Throws<ArgumentException>(() => WriteText([good, SyntheticFace.Frame(1, 0.033)]));
        var broken = SyntheticFace.Frame(1, 0.0);
        broken.Y[50] = float.NaN;
        Assert.Throws<ArgumentException>(() => WriteText([broken]));
        WriteText([broken with { Success = false }]); // no landmarks written: fine
    }
}
