using AgCc.Core.Gestures;

namespace AgCc.Core.Tests.Gestures;

/// <summary>The small helpers: resampling, L-BFGS, the adjusted Rand index.</summary>
[Trait("Category", Categories.Unit)]
public class SupportTests
{
    [Fact]
    public void Resampling_keeps_the_ends_and_interpolates_linearly()
    {
        var series = new TimeSeries(3, 2, [0, 10, 1, 20, 3, 40]);
        var up = Resampling.Linear(series, 5);
        Assert.Equal([0, 10, 0.5, 15, 1, 20, 2, 30, 3, 40], up.Values);
        Assert.Equal(series.Values, Resampling.Linear(series, 3).Values);
        Assert.Equal([7.0, 7.0, 7.0], Resampling.Linear(new TimeSeries(1, 1, [7]), 3).Values);
    }

    [Fact]
    public void Lbfgs_minimises_the_rosenbrock_function()
    {
        static double Rosenbrock(double[] x, double[] g)
        {
            var (a, b) = (x[0], x[1]);
            g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
            g[1] = 200 * (b - a * a);
            return (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a);
        }
        var result = Lbfgs.Minimize(Rosenbrock, [-1.2, 1.0], new LbfgsOptions(MaxIterations: 200, FunctionTolerance: 1e-14, GradientTolerance: 1e-8));
        Assert.Equal(1.0, result.X[0], 1e-5);
        Assert.Equal(1.0, result.X[1], 1e-5);
        Assert.True(result.Value < 1e-10);
    }

    [Fact]
    public void Lbfgs_respects_its_iteration_budget()
    {
        static double Quadratic(double[] x, double[] g)
        {
            var f = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                g[i] = 2 * (i + 1) * x[i];
                f += (i + 1) * x[i] * x[i];
            }
            return f;
        }
        var result = Lbfgs.Minimize(Quadratic, [.. Enumerable.Repeat(1.0, 50)], new LbfgsOptions(MaxIterations: 2, FunctionTolerance: 0, GradientTolerance: 0));
        Assert.Equal(LbfgsStop.MaxIterations, result.Stop);
        Assert.Equal(2, result.Iterations);
    }

    [Fact]
    public void Adjusted_rand_index_matches_sklearn()
    {
        Assert.Equal(1.0, AdjustedRandIndex.Compute([0, 0, 1, 1, 2], [5, 5, 3, 3, 9]), 12);
        // sklearn.metrics.adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.5714285714285715
        Assert.Equal(0.5714285714285715, AdjustedRandIndex.Compute([0, 0, 1, 1], [0, 0, 1, 2]), 12);
        // adjusted_rand_score([0, 0, 1, 1], [0, 1, 0, 1]) = -0.5
        Assert.Equal(-0.5, AdjustedRandIndex.Compute([0, 0, 1, 1], [0, 1, 0, 1]), 12);
    }
}
