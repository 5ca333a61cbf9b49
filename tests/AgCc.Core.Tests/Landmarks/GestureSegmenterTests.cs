using AgCc.Core.Alignments;
using AgCc.Core.Landmarks;
using static AgCc.Core.Tests.Landmarks.OpenFaceTestFiles;

namespace AgCc.Core.Tests.Landmarks;

[Trait("Category", Categories.Unit)]
public class GestureSegmenterTests
{
    private const int V = MouthTrack.ValuesPerFrame;

    /// <summary>Value c at time t: linear, so resampling must reproduce it exactly (up to float).</summary>
    private static double Line(int c, double t) => 0.01 * c + (0.1 * (c + 1) - 2) * t;

    /// <summary>30 frames at 30 fps of <see cref="Line"/>; frames 20–23 (0.667–0.767 s) a long gap.</summary>
    private static MouthTrack LinearTrack(int frames = 30, params int[] gap)
    {
        var t = Enumerable.Range(0, frames).Select(i => i / 30.0).ToArray();
        var status = new FrameStatus[frames];
        var values = new float[frames * V];
        for (var i = 0; i < frames; i++)
        {
            status[i] = gap.Contains(i) ? FrameStatus.Gap : FrameStatus.Tracked;
            for (var c = 0; c < V; c++) values[i * V + c] = gap.Contains(i) ? float.NaN : (float)Line(c, t[i]);
        }

        GapRun[] runs = gap.Length == 0 ? [] : [new GapRun(gap[0], gap.Length, gap[0] + 1, gap[^1] + 1, 0, 0, t[gap[0]], t[gap[^1]])];
        return new MouthTrack(t, values, status, runs, LandmarkNormalization.Face, 30);
    }

    private static readonly Interval[] HandMade =
    [
        new(0.10, 0.18, "AA"), // 8 samples: kept
        new(0.18, 0.20, "B"),  // 2 samples: too short
        new(0.20, 0.23, "IY"), // 3 samples: kept
        new(0.60, 0.66, "T"),  // ends between frame 19 and gap frame 20: touches the gap
        new(0.65, 0.75, "S"),  // inside the gap
        new(0.80, 0.90, "OW"), // after the gap, from its first frame with values: kept
        new(0.95, 1.20, "N"),  // past the last frame (0.967 s)
    ];

    [Fact]
    public void A_hand_made_alignment_keeps_the_phones_clear_of_gaps_and_long_enough()
    {
        var result = GestureSegmenter.Cut(LinearTrack(30, 20, 21, 22, 23), new PhoneAlignment([], HandMade));

        Assert.Equal(new[] { ("AA", 8), ("IY", 3), ("OW", 10) }, result.Segments.Select(s => (s.Phone, s.Frames)));
        Assert.Equal((1, 2, 1), (result.DroppedTooShort, result.DroppedAtGap, result.DroppedOutsideTrack));
        Assert.Equal((0.20, 0.23), (result.Segments[1].Start, result.Segments[1].End));
    }

    [Fact]
    public void Segments_sample_the_track_at_100_Hz_by_linear_interpolation()
    {
        var result = GestureSegmenter.Cut(LinearTrack(30, 20, 21, 22, 23), HandMade);

        foreach (var segment in result.Segments)
        {
            Assert.Equal(segment.Frames * V, segment.Values.Length);
            var first = (int)Math.Round(segment.Start * 100);
            for (var j = 0; j < segment.Frames; j++)
            {
                for (var c = 0; c < V; c++)
                    Assert.Equal(Line(c, (first + j) / 100.0), segment.Values[j * V + c], 1e-5);
            }
        }
    }

    [Fact]
    public void Grid_points_on_a_boundary_belong_to_the_phone_that_starts_there()
    {
        var result = GestureSegmenter.Cut(LinearTrack(), [new(0.03, 0.06, "P"), new(0.06, 0.09, "AH")]);

        Assert.Equal(new[] { 3, 3 }, result.Segments.Select(s => s.Frames));
        Assert.Equal(Line(0, 0.03), result.Segments[0].Values[0], 1e-6);
        Assert.Equal(Line(0, 0.06), result.Segments[1].Values[0], 1e-6);
    }

    [Fact]
    public void A_sample_on_a_video_frame_takes_that_frame()
    {
        // 0.1 s is frame 3 exactly; the whole track is linear anyway, but frame 3 is altered.
        var track = LinearTrack();
        var values = track.Values.ToArray();
        values[3 * V] = 42;
        var edited = new MouthTrack(track.Timestamps.ToArray(), values, track.Status.ToArray(), [], LandmarkNormalization.Face, 30);

        var segment = Assert.Single(GestureSegmenter.Cut(edited, [new(0.1, 0.13, "K")]).Segments);

        Assert.Equal(42, segment.Values[0], 1e-4);
    }

    [Fact]
    public void Rate_and_minimum_length_are_options()
    {
        var options = new GestureSegmentOptions { SampleRate = 50, MinFrames = 5 };

        var result = GestureSegmenter.Cut(LinearTrack(), [new(0.10, 0.20, "AA"), new(0.10, 0.18, "EH")], options);

        Assert.Equal(new[] { 5 }, result.Segments.Select(s => s.Frames));
        Assert.Equal(1, result.DroppedTooShort);
        Assert.Equal(Line(7, 0.12), result.Segments[0].Values[V + 7], 1e-5);
    }

    [Fact]
    public void Interpolated_frames_count_as_having_values()
    {
        var track = LinearTrack();
        var status = track.Status.ToArray();
        status[5] = FrameStatus.Interpolated;
        var edited = new MouthTrack(track.Timestamps.ToArray(), track.Values.ToArray(), status, [], LandmarkNormalization.Face, 30);

        Assert.Single(GestureSegmenter.Cut(edited, [new(0.12, 0.2, "M")]).Segments);
    }

    [Fact]
    public void Cutting_is_deterministic()
    {
        var track = RoundTrip(SyntheticFace.Video(40));
        var phones = Enumerable.Range(0, 12).Select(i => new Interval(0.05 + 0.09 * i, 0.13 + 0.09 * i, "AA")).ToArray();

        var a = GestureSegmenter.Cut(track, phones);
        var b = GestureSegmenter.Cut(track, phones);

        Assert.Equal(a.Segments.Count, b.Segments.Count);
        for (var i = 0; i < a.Segments.Count; i++) Assert.Equal(a.Segments[i].Values, b.Segments[i].Values);
    }

    [Fact]
    public void A_read_track_with_a_cut_segments_around_it()
    {
        // Frames 11–15 (0.333–0.467 s) lost: a 5-frame gap.
        var frames = SyntheticFace.Video(30, (f, frame) => f is >= 11 and <= 15 ? frame with { Success = false } : frame);
        var track = RoundTrip(frames);
        var alignment = new PhoneAlignment(
            [new(0.0, 0.9, "hello")],
            [new(0.05, 0.2, "HH"), new(0.2, 0.34, "AH"), new(0.5, 0.7, "L"), new(0.7, 0.99, "OW")]);

        var result = GestureSegmenter.Cut(track, alignment);

        Assert.Equal(new[] { "HH", "L" }, result.Segments.Select(s => s.Phone));
        Assert.Equal((1, 1), (result.DroppedAtGap, result.DroppedOutsideTrack));
        Assert.All(result.Segments, s => Assert.All(s.Values, v => Assert.True(float.IsFinite(v))));
    }
}
