namespace AgCc.Core.Gestures;

/// <summary>
/// Linear resampling to a length, per feature, exactly as tslearn's TimeSeriesResampler does it:
/// <c>numpy.interp(linspace(0, 1, target), linspace(0, 1, len), x)</c>.
/// </summary>
public static class Resampling
{
    public static TimeSeries Linear(TimeSeries series, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var d = series.Dimensions;
        var source = Linspace(series.Length);
        var target = Linspace(length);
        var values = new double[length * d];
        for (var t = 0; t < length; t++)
        {
            var x = target[t];
            for (var k = 0; k < d; k++) values[t * d + k] = Interp(x, source, series.Values, k, d);
        }
        return new TimeSeries(length, d, values);
    }

    /// <summary>numpy.linspace(0, 1, n): i·(1/(n−1)), the last point exactly 1.</summary>
    private static double[] Linspace(int n)
    {
        var points = new double[n];
        if (n == 1) return points;
        var step = 1.0 / (n - 1);
        for (var i = 0; i < n; i++) points[i] = i * step;
        points[n - 1] = 1.0;
        return points;
    }

    /// <summary>numpy.interp for one point (its compiled loop: exact hits return the sample).</summary>
    private static double Interp(double x, double[] xp, double[] values, int k, int d)
    {
        var n = xp.Length;
        if (x <= xp[0]) return values[k];
        if (x >= xp[n - 1]) return values[(n - 1) * d + k];
        int lo = 0, hi = n - 1; // invariant xp[lo] <= x < xp[hi]
        while (hi - lo > 1)
        {
            var mid = (lo + hi) >> 1;
            if (xp[mid] <= x) lo = mid; else hi = mid;
        }
        var y0 = values[lo * d + k];
        if (xp[lo] == x) return y0;
        var slope = (values[hi * d + k] - y0) / (xp[hi] - xp[lo]);
        return slope * (x - xp[lo]) + y0;
    }
}
