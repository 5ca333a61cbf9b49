using AgCc.Core.Gestures;
using static AgCc.Core.Tests.Gestures.SoftDtwReference;

namespace AgCc.Core.Tests.Gestures;

/// <summary>Properties of soft-DTW that hold whatever the reference: γ → 0, symmetry, batches, no allocation.</summary>
[Trait("Category", Categories.Unit)]
public class SoftDtwPropertyTests
{
    [Fact]
    public void Small_gamma_approaches_dtw()
    {
        var (x, y) = (Small.Series[2], Small.Series[3]);
        var dtw = Dtw(x, y);
        var previous = double.NegativeInfinity;
        foreach (var gamma in new[] { 1.0, 0.1, 0.01, 0.001, 1e-4 })
        {
            var value = SoftDtw.Value(x, y, gamma);
            Assert.True(value <= dtw + 1e-12, $"γ = {gamma}: soft-DTW {value} exceeds DTW {dtw}");
            Assert.True(value >= previous - 1e-12, "soft-DTW rises towards DTW as γ falls");
            previous = value;
        }
        Assert.Equal(dtw, SoftDtw.Value(x, y, 1e-4), dtw * 1e-4);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void The_value_is_symmetric(double gamma)
    {
        for (var i = 0; i < 20; i++)
        {
            var (x, y) = (Small.Series[i], Small.Series[199 - i]);
            var (xy, yx) = (SoftDtw.Value(x, y, gamma), SoftDtw.Value(y, x, gamma));
            Assert.Equal(xy, yx, Math.Abs(xy) * 1e-12);
        }
    }

    [Theory]
    [InlineData(0.1, 4)]
    [InlineData(1.0, 3)]
    [InlineData(1.0, 1)]
    public void Four_lane_batches_agree_with_single_pairs(double gamma, int count)
    {
        var a = Small.Series[3];
        var bs = new[] { Small.Series[4], Small.Series[7], Small.Series[0], Small.Series[26] }; // lengths 20, 6, 19, 36
        var m = a.Length * a.Dimensions;
        var values = new double[4];
        var gradients = new double[4 * m];
        SoftDtwBatch.ValuesAndGradients(a, bs, 0, count, gamma, values, gradients);
        var onlyValues = new double[4];
        SoftDtwBatch.Values(a, bs, 0, count, gamma, onlyValues);
        var single = new double[m];
        for (var l = 0; l < count; l++)
        {
            var expected = SoftDtw.ValueAndGradient(a, bs[l], gamma, single);
            Assert.Equal(expected, values[l], Math.Abs(expected) * 1e-12);
            Assert.Equal(expected, onlyValues[l], Math.Abs(expected) * 1e-12);
            var scale = single.Max(Math.Abs);
            for (var k = 0; k < m; k++) Assert.Equal(single[k], gradients[l * m + k], scale * 1e-11);
        }
    }

    [Fact]
    public void Evaluations_do_not_allocate_once_warm()
    {
        var (x, y) = (Small.Series[10], Small.Series[11]);
        var gradient = new double[x.Values.Length];
        var values = new double[4];
        var gradients = new double[4 * x.Values.Length];
        var bs = new[] { y, Small.Series[12], Small.Series[13], Small.Series[14] };
        void Run()
        {
            SoftDtw.Value(x, y, 1.0);
            SoftDtw.ValueAndGradient(x, y, 1.0, gradient);
            SoftDtwBatch.Values(x, bs, 0, 4, 1.0, values);
            SoftDtwBatch.ValuesAndGradients(x, bs, 0, 4, 1.0, values, gradients);
        }
        Run();
        // The runtime itself can allocate once while it swaps in re-jitted code (tiered compilation):
        // the least of three rounds is 0 unless the evaluations allocate every time.
        var least = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 50; i++) Run();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.Equal(0, least);
    }

    [Fact]
    public void Gamma_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SoftDtw.Value(Small.Series[0], Small.Series[1], 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SoftDtw.Value(Small.Series[0], Small.Series[1], -1.0));
    }

    /// <summary>Plain DTW with the squared Euclidean cost.</summary>
    private static double Dtw(TimeSeries x, TimeSeries y)
    {
        var r = new double[x.Length + 1, y.Length + 1];
        for (var i = 0; i <= x.Length; i++)
            for (var j = 0; j <= y.Length; j++)
                r[i, j] = double.PositiveInfinity;
        r[0, 0] = 0;
        for (var i = 1; i <= x.Length; i++)
            for (var j = 1; j <= y.Length; j++)
                r[i, j] = SquaredEuclideanCost.Distance(x.Frame(i - 1), y.Frame(j - 1)) + Math.Min(r[i - 1, j - 1], Math.Min(r[i - 1, j], r[i, j - 1]));
        return r[x.Length, y.Length];
    }
}
