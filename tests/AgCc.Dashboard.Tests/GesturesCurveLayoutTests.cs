using AgCc.Dashboard.Gestures;

namespace AgCc.Dashboard.Tests;

[Trait("Category", "Unit")]
public class GesturesCurveLayoutTests
{
    private const double Bottom = CurveLayout.Height - CurveLayout.Bottom;
    private const double RightEdge = CurveLayout.Width - CurveLayout.Right;

    [Fact]
    public void No_values_lay_out_nothing()
    {
        var plot = CurveLayout.Layout([]);
        Assert.True(plot.IsEmpty);
        Assert.Equal("", plot.Points);
        Assert.Empty(plot.YTicks);
    }

    [Fact]
    public void The_first_iteration_is_at_the_left_and_the_last_at_the_right()
    {
        var plot = CurveLayout.Layout([10, 8, 7, 6.5]);
        Assert.Equal(4, plot.Markers.Count);
        Assert.Equal(CurveLayout.Left, plot.Markers[0].X);
        Assert.Equal(RightEdge, plot.Markers[^1].X, 9);
        Assert.Equal([1, 2, 3, 4], plot.Markers.Select(m => m.Iteration));
        Assert.Equal(4, plot.Points.Split(' ').Length);
    }

    [Fact]
    public void Larger_values_are_higher_and_the_axis_spans_round_numbers_around_them()
    {
        var plot = CurveLayout.Layout([10, 8, 7, 6.5]);
        Assert.True(plot.Markers[0].Y < plot.Markers[1].Y);
        Assert.True(plot.Markers[1].Y < plot.Markers[3].Y);
        Assert.True(plot.Low <= 6.5 && plot.High >= 10);
        Assert.Equal(6, plot.Low);
        Assert.Equal(10, plot.High);
        Assert.Equal(CurveLayout.Top, plot.Markers[0].Y, 9);
        Assert.All(plot.Markers, m => Assert.InRange(m.Y, CurveLayout.Top, Bottom));
        Assert.Equal(["6", "7", "8", "9", "10"], plot.YTicks.Select(t => t.Label));
        Assert.Equal(Bottom, plot.YTicks[0].Position, 9);
    }

    [Fact]
    public void Counts_start_at_zero()
    {
        var plot = CurveLayout.Layout([40, 12, 3, 0], fromZero: true);
        Assert.Equal(0, plot.Low);
        Assert.Equal(Bottom, plot.Markers[^1].Y, 9);
        Assert.Equal("0", plot.YTicks[0].Label);
    }

    [Fact]
    public void A_single_or_flat_series_sits_inside_the_plot()
    {
        var one = CurveLayout.Layout([123.4]);
        Assert.Single(one.Markers);
        Assert.Equal(CurveLayout.Left, one.Markers[0].X);
        Assert.InRange(one.Markers[0].Y, CurveLayout.Top + 1, Bottom - 1);

        var zeros = CurveLayout.Layout([0, 0, 0], fromZero: true);
        Assert.Equal(0, zeros.Low);
        Assert.All(zeros.Markers, m => Assert.Equal(Bottom, m.Y, 9));
    }

    [Fact]
    public void Non_finite_values_are_left_out_but_keep_their_iteration()
    {
        var plot = CurveLayout.Layout([5, double.NaN, 3, double.PositiveInfinity, 1]);
        Assert.Equal([1, 3, 5], plot.Markers.Select(m => m.Iteration));
        Assert.Equal(RightEdge, plot.Markers[^1].X, 9);
        Assert.True(plot.Markers.All(m => double.IsFinite(m.Y)));
    }

    [Fact]
    public void Negative_values_lay_out_too()
    {
        // Soft-DTW values (and so inertia) can be negative.
        var plot = CurveLayout.Layout([-2.5, -7.25, -8]);
        Assert.True(plot.Low <= -8 && plot.High >= -2.5);
        Assert.True(plot.Markers[0].Y < plot.Markers[2].Y);
    }

    [Fact]
    public void Points_are_invariant_x_y_pairs()
    {
        var plot = CurveLayout.Layout([2, 1]);
        Assert.Equal($"70,{CurveLayout.Top} 586,{Bottom}", plot.Points);
    }

    [Theory]
    [InlineData(0.3, 0.5)]
    [InlineData(1, 1)]
    [InlineData(1.2, 2)]
    [InlineData(2.2, 2.5)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(1234, 2000)]
    [InlineData(0.012, 0.02)]
    public void Steps_are_round_numbers(double rough, double step) => Assert.Equal(step, CurveLayout.NiceStep(rough), 12);

    [Fact]
    public void Iteration_ticks_are_whole_and_few()
    {
        var plot = CurveLayout.Layout(Enumerable.Range(0, 50).Select(i => 100.0 / (i + 1)).ToArray());
        Assert.Equal("1", plot.XTicks[0].Label);
        Assert.InRange(plot.XTicks.Count, 5, 12);
        Assert.All(plot.XTicks, t => Assert.True(int.TryParse(t.Label, out _)));
        Assert.Equal(["1", "10", "20", "30", "40", "50"], plot.XTicks.Select(t => t.Label));
    }

    [Fact]
    public void Large_and_small_magnitudes_are_labelled_compactly()
    {
        Assert.Equal("12,000", CurveLayout.Label(12000, 0, 12000));
        Assert.Equal("2.5", CurveLayout.Label(2.5, 1, 10));
        Assert.Equal("1.5E+7", CurveLayout.Label(1.5e7, 0, 2e7));
        Assert.Equal("0", CurveLayout.Label(-1e-20, 0, 10));
    }
}
