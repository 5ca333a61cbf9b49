using AgCc.Dashboard.Corpora;
using AgCc.Dashboard.Gestures;
using AgCc.Grains.Gestures;

namespace AgCc.Dashboard.Tests;

[Trait("Category", "Unit")]
public class GesturesCenterFramesTests
{
    /// <summary>A centre of <paramref name="length"/> frames: point p of frame f at (offset + p / 10, offset + f / 4).</summary>
    private static float[] Center(int length, float offset)
    {
        var values = new float[length * MouthGeometry.ValuesPerFrame];
        for (var f = 0; f < length; f++)
        {
            for (var p = 0; p < MouthGeometry.Points; p++)
            {
                values[f * MouthGeometry.ValuesPerFrame + 2 * p] = offset + p / 10f;
                values[f * MouthGeometry.ValuesPerFrame + 2 * p + 1] = offset + f / 4f;
            }
        }
        return values;
    }

    private static GestureCenters Centers(params float[][] values) =>
        new(values[0].Length / MouthGeometry.ValuesPerFrame, MouthGeometry.ValuesPerFrame, values);

    [Fact]
    public void A_centre_of_40_dimensions_is_a_mouth_track_frame_by_frame()
    {
        var centers = Centers(Center(3, 0), Center(3, 1));
        Assert.Null(CenterFrames.Problem(centers));
        var frames = CenterFrames.Frames(centers, 1);
        Assert.Equal(3, MouthGeometry.FrameCount(frames));
        Assert.True(MouthGeometry.IsTracked(frames, 2));
        // Landmark l of frame f: x at 40f + 2l, y at 40f + 2l + 1.
        Assert.Equal(1 + 5 / 10f, frames[2 * MouthGeometry.ValuesPerFrame + 2 * 5]);
        Assert.Equal(1 + 2 / 4f, frames[2 * MouthGeometry.ValuesPerFrame + 2 * 5 + 1]);
        Assert.Equal("1,1.5 1.1,1.5", string.Join(' ', MouthGeometry.PointList(frames, 2, 0, 2).Split(' ')));
    }

    [Fact]
    public void Frames_are_a_copy()
    {
        var values = Center(2, 0);
        var frames = CenterFrames.Frames(Centers(values), 0);
        frames[0] = 99;
        Assert.Equal(0, values[0]);
    }

    [Fact]
    public void Centres_that_are_not_mouths_say_why()
    {
        Assert.Contains("34 values per frame", CenterFrames.Problem(new GestureCenters(2, 34, [new float[68]])));
        Assert.Contains("no centres", CenterFrames.Problem(new GestureCenters(2, 40, [])));
        Assert.Contains("centre 1 has 40 values, not 2 × 40", CenterFrames.Problem(new GestureCenters(2, 40, [new float[80], new float[40]])));
        Assert.Contains("no frames", CenterFrames.Problem(new GestureCenters(0, 40, [Array.Empty<float>()])));
        Assert.Throws<InvalidOperationException>(() => CenterFrames.Frames(new GestureCenters(2, 34, [new float[68]]), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CenterFrames.Frames(Centers(Center(2, 0)), 1));
    }

    [Fact]
    public void All_centres_share_one_view_box_around_every_point()
    {
        var centers = Centers(Center(2, 0), Center(2, 1));
        var box = CenterFrames.SharedBounds(centers, padding: 0);
        Assert.Equal(0, box.X, 5);
        Assert.Equal(0, box.Y, 5);
        // x from 0 to 1 + 1.9, y from 0 to 1 + 0.25.
        Assert.Equal(2.9, box.Width, 5);
        Assert.Equal(1.25, box.Height, 5);
        var padded = CenterFrames.SharedBounds(centers);
        Assert.True(padded.X < box.X && padded.Width > box.Width);
    }

    [Fact]
    public void Undrawable_centres_get_the_unit_box()
    {
        Assert.Equal(new ViewBox(-0.5, -0.5, 1, 1), CenterFrames.SharedBounds(new GestureCenters(1, 2, [new float[2]])));
    }

    [Fact]
    public void Centres_go_to_the_browser_as_rounded_numbers_and_nulls()
    {
        var values = Center(1, 0.123456f);
        values[3] = float.NaN;
        var browser = CenterFrames.ForBrowser(Centers(values));
        Assert.Single(browser);
        Assert.Equal(40, browser[0].Length);
        Assert.Equal(0.1235f, browser[0][0]);
        Assert.Null(browser[0][3]);
    }

    [Fact]
    public void Opening_is_how_far_the_inner_lips_part_per_frame()
    {
        var frames = new float[2 * MouthGeometry.ValuesPerFrame];
        // Frame 0 closed (all y 0); frame 1: upper inner lip (61–63) at y 1, lower (65–67) at y 3.
        foreach (var p in (int[])[13, 14, 15]) frames[MouthGeometry.ValuesPerFrame + 2 * p + 1] = 1;
        foreach (var p in (int[])[17, 18, 19]) frames[MouthGeometry.ValuesPerFrame + 2 * p + 1] = 3;
        Assert.Equal([0, 2], CenterFrames.Opening(frames));

        frames[0] = float.NaN;
        Assert.True(double.IsNaN(CenterFrames.Opening(frames)[0]));
    }
}
