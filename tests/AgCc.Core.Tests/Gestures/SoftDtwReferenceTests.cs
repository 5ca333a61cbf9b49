using AgCc.Core.Gestures;
using Xunit.Abstractions;
using static AgCc.Core.Tests.Gestures.SoftDtwReference;

namespace AgCc.Core.Tests.Gestures;

/// <summary>Values, gradients and alignments against tslearn 0.9.0 (small_pairs.json, small_grad.json).</summary>
[Trait("Category", Categories.Unit)]
public class SoftDtwReferenceTests(ITestOutputHelper output)
{
    private const double Relative = 1e-9;

    public static TheoryData<string> GammaKeys => [.. Gammas];

    [Theory]
    [MemberData(nameof(GammaKeys))]
    public void Pair_values_match_tslearn(string key)
    {
        var json = Json("small_pairs.json");
        var pairs = json.GetProperty("pairs").EnumerateArray().Select(Ints).ToArray();
        var expected = Doubles(json.GetProperty("values").GetProperty(key));
        var direct = Doubles(json.GetProperty("values_direct_cost").GetProperty(key));
        var worst = 0.0;
        var worstDirect = 0.0;
        for (var p = 0; p < pairs.Length; p++)
        {
            var actual = SoftDtw.Value(Small.Series[pairs[p][0]], Small.Series[pairs[p][1]], GammaOf(key));
            worst = Math.Max(worst, RelativeError(actual, expected[p]));
            worstDirect = Math.Max(worstDirect, RelativeError(actual, direct[p]));
        }
        output.WriteLine($"{key}: max relative error {worst:E2} vs tslearn, {worstDirect:E2} vs the direct-cost values");
        Assert.True(worst <= Relative, $"max relative error {worst:E3}");
        Assert.True(worstDirect <= 1e-12, $"max relative error vs direct cost {worstDirect:E3}");
    }

    [Theory]
    [MemberData(nameof(GammaKeys))]
    public void Cdist_block_matches_tslearn(string key)
    {
        var json = Json("small_pairs.json");
        var ids = Ints(json.GetProperty("cdist_block_ids"));
        var expected = json.GetProperty("cdist_block").GetProperty(key).EnumerateArray().Select(Doubles).ToArray();
        var block = ids.Select(i => Small.Series[i]).ToList();
        var actual = SoftDtw.Matrix(block, block, GammaOf(key));
        var worst = 0.0;
        for (var i = 0; i < ids.Length; i++)
            for (var j = 0; j < ids.Length; j++)
                worst = Math.Max(worst, RelativeError(actual[i][j], expected[i][j]));
        output.WriteLine($"{key}: cdist block max relative error {worst:E2}");
        Assert.True(worst <= Relative, $"max relative error {worst:E3}");
    }

    [Theory]
    [MemberData(nameof(GammaKeys))]
    public void Gradient_and_alignment_match_tslearn(string key)
    {
        var reference = Json("small_grad.json").GetProperty("per_gamma").GetProperty(key);
        var (x, y) = (Small.Series[0], Small.Series[1]);
        var gradient = new double[x.Length * x.Dimensions];
        var alignment = new double[x.Length * y.Length];
        var value = SoftDtw.ValueAndGradient(x.Values, x.Length, y.Values, y.Length, x.Dimensions, GammaOf(key), gradient, alignment);

        var expectedGradient = Flatten(reference.GetProperty("grad_x"));
        var expectedE = Flatten(reference.GetProperty("E"));
        Assert.Equal(expectedGradient.Length, gradient.Length);
        Assert.Equal(expectedE.Length, alignment.Length);
        var valueError = RelativeError(value, reference.GetProperty("value").GetDouble());
        // Relative to the largest entry: entries near zero carry the cancellation of Σ E·2(x−y).
        var gradientError = MaxError(gradient, expectedGradient) / expectedGradient.Max(Math.Abs);
        var elementwise = gradient.Zip(expectedGradient, RelativeError).Max();
        var eError = MaxError(alignment, expectedE) / expectedE.Max(Math.Abs);
        output.WriteLine($"{key}: value {valueError:E2}, gradient {gradientError:E2} (max-normalised; element-wise {elementwise:E2}), E {eError:E2}");
        Assert.True(valueError <= Relative);
        Assert.True(gradientError <= Relative, $"gradient error {gradientError:E3}");
        Assert.True(elementwise <= Relative, $"element-wise gradient error {elementwise:E3}");
        Assert.True(eError <= Relative, $"E error {eError:E3}");
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(10.0)]
    public void Gradient_matches_central_differences(double gamma)
    {
        var (x, y) = (Small.Series[4], Small.Series[5]);
        var gradient = new double[x.Values.Length];
        SoftDtw.ValueAndGradient(x, y, gamma, gradient);
        var probe = x.Copy();
        const double h = 1e-6;
        var worst = 0.0;
        var scale = gradient.Max(Math.Abs);
        for (var i = 0; i < probe.Values.Length; i += 7)
        {
            var saved = probe.Values[i];
            probe.Values[i] = saved + h;
            var plus = SoftDtw.Value(probe, y, gamma);
            probe.Values[i] = saved - h;
            var minus = SoftDtw.Value(probe, y, gamma);
            probe.Values[i] = saved;
            worst = Math.Max(worst, Math.Abs((plus - minus) / (2 * h) - gradient[i]) / scale);
        }
        output.WriteLine($"γ = {gamma}: max central-difference error {worst:E2} (relative to max |g|)");
        Assert.True(worst < 1e-6, $"finite-difference error {worst:E3}");
    }

    internal static double RelativeError(double actual, double expected) =>
        Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);

    private static double MaxError(double[] a, double[] b) => a.Zip(b, (u, v) => Math.Abs(u - v)).Max();
}
