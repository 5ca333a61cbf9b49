using AgCc.Dashboard.Corpora;

namespace AgCc.Dashboard.Tests;

[Trait("Category", "Unit")]
public class MouthGeometryTests
{
    private static float[] Track(params bool[] tracked)
    {
        var values = new float[tracked.Length * MouthGeometry.ValuesPerFrame];
        for (var f = 0; f < tracked.Length; f++)
        {
            for (var p = 0; p < MouthGeometry.Points; p++)
            {
                var at = f * MouthGeometry.ValuesPerFrame + 2 * p;
                (values[at], values[at + 1]) = tracked[f] ? (p * 0.1f - 1, 0.5f + f * 0.25f) : (float.NaN, float.NaN);
            }
        }
        return values;
    }

    [Theory]
    [InlineData(-1.0, 0)]
    [InlineData(0.0, 0)]
    [InlineData(0.02, 0)]
    [InlineData(0.0333, 1)]
    [InlineData(0.05, 1)]
    [InlineData(0.0667, 2)]
    [InlineData(9.0, 2)]
    public void The_frame_at_a_time_is_the_last_one_not_after_it(double time, int frame)
    {
        Assert.Equal(frame, MouthGeometry.FrameAt([0, 0.0333, 0.0667], time));
    }

    [Fact]
    public void There_is_no_frame_without_timestamps() => Assert.Equal(-1, MouthGeometry.FrameAt([], 0.5));

    [Fact]
    public void Gap_frames_are_not_tracked_and_draw_nothing()
    {
        var values = Track(true, false);
        Assert.True(MouthGeometry.IsTracked(values, 0));
        Assert.False(MouthGeometry.IsTracked(values, 1));
        Assert.False(MouthGeometry.IsTracked(values, 2));
        Assert.Equal("", MouthGeometry.PointList(values, 1, 0, MouthGeometry.OuterLipPoints));
    }

    [Fact]
    public void Point_lists_are_invariant_x_y_pairs_of_the_asked_points()
    {
        var values = Track(true);
        var outer = MouthGeometry.PointList(values, 0, 0, MouthGeometry.OuterLipPoints).Split(' ');
        var inner = MouthGeometry.PointList(values, 0, MouthGeometry.OuterLipPoints, MouthGeometry.InnerLipPoints).Split(' ');
        Assert.Equal(12, outer.Length);
        Assert.Equal(8, inner.Length);
        Assert.Equal("-1,0.5", outer[0]);
        Assert.Equal("0.2,0.5", inner[0]);
    }

    [Fact]
    public void The_view_box_holds_every_tracked_point_with_padding()
    {
        var box = MouthGeometry.Bounds(Track(true, false, true), padding: 0.1);
        // x from -1 to 0.9, y from 0.5 to 1.0: the larger side is 1.9, padded by 0.19 on each side.
        Assert.Equal(-1.19, box.X, 4);
        Assert.Equal(0.31, box.Y, 4);
        Assert.Equal(2.28, box.Width, 4);
        Assert.Equal(0.88, box.Height, 4);
        Assert.Equal("-1.19 0.31 2.28 0.88", box.ToString());
    }

    [Fact]
    public void Without_tracked_frames_the_view_box_is_a_unit_box() =>
        Assert.Equal(new ViewBox(-0.5, -0.5, 1, 1), MouthGeometry.Bounds(Track(false, false)));

    [Fact]
    public void The_browser_gets_null_for_NaN()
    {
        var sent = MouthGeometry.ForBrowser([0.123456f, float.NaN, -2f]);
        Assert.Equal([0.1235f, null, -2f], sent);
    }
}
