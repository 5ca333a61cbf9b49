using AgCc.Core.Landmarks;
using static AgCc.Core.Tests.Landmarks.OpenFaceTestFiles;

namespace AgCc.Core.Tests.Landmarks;

/// <summary>Gating (success, confidence), interpolation of short gaps, cutting at long ones.</summary>
[Trait("Category", Categories.Unit)]
public class GapHandlingTests
{
    /// <summary>20 frames at 30 fps; the listed frames (1-based) lose the face.</summary>
    private static MouthTrack TrackLosing(int[] lost, OpenFaceReadOptions? options = null, double confidence = 0.98, bool success = false) =>
        RoundTrip(SyntheticFace.Video(20, (f, frame) =>
            lost.Contains(f) ? frame with { Success = success, Confidence = success ? confidence : 0.0 } : frame), options);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Gaps_of_up_to_three_frames_are_interpolated_linearly_in_time(int length)
    {
        var lost = Enumerable.Range(8, length).ToArray();
        var track = TrackLosing(lost);
        var before = track.Frame(6).ToArray();
        var after = track.Frame(7 + length).ToArray();

        Assert.Empty(track.Gaps);
        for (var k = 0; k < length; k++)
        {
            var i = 7 + k;
            Assert.Equal(FrameStatus.Interpolated, track.Status[i]);
            var w = (track.Timestamps[i] - track.Timestamps[6]) / (track.Timestamps[7 + length] - track.Timestamps[6]);
            for (var v = 0; v < MouthTrack.ValuesPerFrame; v++)
                Assert.Equal(before[v] + w * (after[v] - before[v]), track.Frame(i)[v], 1e-6);
        }
    }

    [Fact]
    public void A_gap_of_four_frames_cuts_the_trajectory_and_is_kept_as_a_run()
    {
        var track = TrackLosing([8, 9, 10, 11]);

        var gap = Assert.Single(track.Gaps);
        Assert.Equal(new GapRun(7, 4, 8, 11, 9, 12, 7 / 30.0, 10 / 30.0), gap with { Start = 7 / 30.0, End = 10 / 30.0 });
        Assert.Equal(0.233, gap.Start, 1e-9);
        Assert.Equal(0.333, gap.End, 1e-9);
        for (var i = 7; i <= 10; i++)
        {
            Assert.Equal(FrameStatus.Gap, track.Status[i]);
            Assert.False(track.HasValues(i));
            Assert.All(track.Frame(i).ToArray(), v => Assert.True(float.IsNaN(v)));
        }

        Assert.True(track.HasValues(6));
        Assert.True(track.HasValues(11));
    }

    [Fact]
    public void Low_confidence_is_a_gap_below_the_threshold_option()
    {
        var lowered = TrackLosing([5, 6, 7, 8, 9], confidence: 0.6, success: true);
        Assert.Single(lowered.Gaps);

        var lenient = TrackLosing([5, 6, 7, 8, 9], new OpenFaceReadOptions { ConfidenceThreshold = 0.5 }, confidence: 0.6, success: true);
        Assert.Empty(lenient.Gaps);
        Assert.All(lenient.Status.ToArray(), s => Assert.Equal(FrameStatus.Tracked, s));
    }

    [Fact]
    public void The_confidence_threshold_is_inclusive()
    {
        var track = TrackLosing([5], confidence: 0.8, success: true);

        Assert.Equal(FrameStatus.Tracked, track.Status[4]);
    }

    [Fact]
    public void The_interpolation_limit_is_an_option()
    {
        var none = TrackLosing([8], new OpenFaceReadOptions { MaxInterpolatedGap = 0 });
        Assert.Single(none.Gaps);

        var five = TrackLosing([8, 9, 10, 11, 12], new OpenFaceReadOptions { MaxInterpolatedGap = 5 });
        Assert.Empty(five.Gaps);
    }

    [Fact]
    public void Gaps_at_the_start_or_end_have_no_neighbour_and_stay_runs()
    {
        var track = TrackLosing([1, 2, 20]);

        Assert.Equal(new[] { (0, 2, 1, 2), (19, 1, 20, 20) },
            track.Gaps.Select(g => (g.FirstIndex, g.Length, g.FirstFrame, g.LastFrame)));
        Assert.Equal(FrameStatus.Gap, track.Status[0]);
        Assert.Equal(FrameStatus.Tracked, track.Status[2]);
    }

    [Fact]
    public void A_video_where_the_face_is_never_found_is_one_gap()
    {
        var track = TrackLosing(Enumerable.Range(1, 20).ToArray());

        var gap = Assert.Single(track.Gaps);
        Assert.Equal(20, gap.Length);
        Assert.Equal(20, track.FrameCount);
    }

    [Fact]
    public void The_frame_rate_is_estimated_from_the_timestamps()
    {
        Assert.Equal(30.0, TrackLosing([]).FrameRate, 0.05); // timestamps rounded to the millisecond

        var pal = RoundTrip(Enumerable.Range(1, 50).Select(f => SyntheticFace.Frame(f, (f - 1) / 25.0)).ToList());
        Assert.Equal(25.0, pal.FrameRate, 1e-3);

        Assert.True(double.IsNaN(RoundTrip([SyntheticFace.Frame(1, 0)]).FrameRate));
    }
}
