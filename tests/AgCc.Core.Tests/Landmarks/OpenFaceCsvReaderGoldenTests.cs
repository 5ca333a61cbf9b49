using AgCc.Core.Landmarks;
using static AgCc.Core.Tests.Landmarks.OpenFaceTestFiles;

namespace AgCc.Core.Tests.Landmarks;

/// <summary>
/// The reader against fixtures in OpenFace's own format and expectations computed independently
/// (Fixtures/Landmarks/make_fixtures.py).
/// </summary>
[Trait("Category", Categories.Unit)]
public class OpenFaceCsvReaderGoldenTests
{
    private const double Tolerance = 1e-5;

    [Fact]
    public void Every_column_group_one_face_reads_as_expected()
    {
        var track = OpenFaceCsvReader.Read(Fixture("full_columns.csv"));

        AssertMatches(Expected("full_columns.expected.csv"), track);
        Assert.Equal(LandmarkNormalization.Face, track.Normalization);
        Assert.Equal(0, track.FaceId);
        Assert.Empty(track.Gaps);
        Assert.Equal(Enumerable.Range(2, 12), track.Lines.ToArray());
        Assert.Equal(30.0, track.FrameRate, 0.2); // 12 timestamps rounded to the millisecond
        Assert.EndsWith("full_columns.csv", track.Source);
    }

    [Fact]
    public void One_frame_gaps_from_failure_and_low_confidence_are_interpolated()
    {
        var track = OpenFaceCsvReader.Read(Fixture("full_columns.csv"));

        Assert.Equal(FrameStatus.Interpolated, track.Status[4]); // frame 5: success 0
        Assert.Equal(FrameStatus.Interpolated, track.Status[7]); // frame 8: confidence 0.55
        Assert.All(track.Frame(4).ToArray(), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Reordered_columns_without_optional_groups_fall_back_to_the_mouth_normalisation()
    {
        var track = OpenFaceCsvReader.Read(Fixture("reordered_partial.csv"));

        AssertMatches(Expected("reordered_partial.expected.csv"), track);
        Assert.Equal(LandmarkNormalization.Mouth, track.Normalization);
    }

    [Fact]
    public void A_long_gap_and_a_trailing_gap_are_kept_as_runs_with_their_lines()
    {
        var track = OpenFaceCsvReader.Read(Fixture("reordered_partial.csv"));

        Assert.Equal(2, track.Gaps.Count);
        var cut = track.Gaps[0];
        Assert.Equal((5, 5, 9), (cut.FirstIndex, cut.Length, cut.LastIndex));
        Assert.Equal((6, 10), (cut.FirstFrame, cut.LastFrame));
        Assert.Equal((7, 11), (cut.FirstLine, cut.LastLine));
        Assert.Equal((0.167, 0.3), (cut.Start, cut.End));
        var trailing = track.Gaps[1];
        Assert.Equal((13, 1, 14, 15), (trailing.FirstIndex, trailing.Length, trailing.FirstFrame, trailing.FirstLine));
        Assert.All(track.Frame(7).ToArray(), v => Assert.True(float.IsNaN(v)));
    }

    [Fact]
    public void Of_two_faces_the_one_with_more_frames_passing_the_gate_is_read()
    {
        var track = OpenFaceCsvReader.Read(Fixture("multi_face.csv"));

        Assert.Equal(1, track.FaceId);
        AssertMatches(Expected("multi_face.expected.csv"), track);
    }

    [Fact]
    public void A_frame_without_a_row_for_the_face_is_an_interpolated_gap_frame()
    {
        var track = OpenFaceCsvReader.Read(Fixture("multi_face.csv"));

        Assert.Equal(10, track.FrameCount);
        Assert.Equal(4, track.Frames[3]);
        Assert.Equal(FrameStatus.Interpolated, track.Status[3]);
        Assert.Equal(track.Lines[4], track.Lines[3]); // the line of the row after it
        Assert.Equal(0.1, track.Timestamps[3], 1e-9);
    }

    [Fact]
    public void A_named_face_is_read_even_if_another_is_tracked_better()
    {
        var track = OpenFaceCsvReader.Read(Fixture("multi_face.csv"), new OpenFaceReadOptions { FaceId = 0 });

        Assert.Equal(0, track.FaceId);
        Assert.Equal(10, track.FrameCount);
        // Face 0 passes the gate in frames 3, 6 and 9 only (confidence 0.85, else 0.5).
        FrameStatus G = FrameStatus.Gap, T = FrameStatus.Tracked, I = FrameStatus.Interpolated;
        Assert.Equal(new[] { G, G, T, I, I, T, I, I, T, G }, track.Status.ToArray());
        Assert.Equal(new[] { (0, 2), (9, 1) }, track.Gaps.Select(g => (g.FirstIndex, g.Length)));
    }

    private static void AssertMatches(List<(int Frame, double Timestamp, FrameStatus Status, double[] Values)> expected, MouthTrack track)
    {
        Assert.Equal(expected.Count, track.FrameCount);
        Assert.Equal(expected.Count * MouthTrack.ValuesPerFrame, track.Values.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            Assert.Equal(e.Frame, track.Frames[i]);
            Assert.Equal(e.Timestamp, track.Timestamps[i], 1e-9);
            Assert.Equal(e.Status, track.Status[i]);
            var actual = track.Frame(i);
            for (var v = 0; v < MouthTrack.ValuesPerFrame; v++)
            {
                if (double.IsNaN(e.Values[v])) Assert.True(float.IsNaN(actual[v]), $"frame {e.Frame} value {v} should be NaN");
                else Assert.True(Math.Abs(e.Values[v] - actual[v]) < Tolerance, $"frame {e.Frame} value {v}: expected {e.Values[v]}, got {actual[v]}");
            }
        }
    }
}
