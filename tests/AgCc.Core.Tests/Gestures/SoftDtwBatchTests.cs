using AgCc.Core.Gestures;
using Xunit.Abstractions;
using static AgCc.Core.Tests.Gestures.SoftDtwReference;

namespace AgCc.Core.Tests.Gestures;

/// <summary>
/// <see cref="SoftDtwBatch"/> against the scalar <see cref="SoftDtw"/> path and tslearn 0.9.0: values
/// and gradients for every batch size 1..Lanes, mixed lengths, γ = 0.1, 1, 10; a pair's result
/// independent of its batch (size, position, neighbours, vector width); threads; allocations.
/// </summary>
[Trait("Category", Categories.Unit)]
public class SoftDtwBatchTests(ITestOutputHelper output)
{
    // The batch uses tslearn's |a|²+|b|²−2a·b cost (the scalar path Σ(a−b)², ~1e-14 apart) and carries
    // e^(−R/γ) with its exponent apart instead of R: values agree to ~1e-13 of max(|value|, 1), gradients
    // to ~1e-13 of their largest entry.
    private const double ValueTolerance = 1e-13;
    private const double GradientTolerance = 1e-13;

    public static TheoryData<double, int> GammasAndCounts()
    {
        var data = new TheoryData<double, int>();
        foreach (var gamma in new[] { 0.1, 1.0, 10.0 })
            for (var count = 1; count <= SoftDtwBatch.Lanes; count++) data.Add(gamma, count);
        return data;
    }

    [Theory]
    [MemberData(nameof(GammasAndCounts))]
    public void Values_and_gradients_agree_with_the_scalar_path(double gamma, int count)
    {
        var series = Small.Series;
        var worstValue = 0.0;
        var worstGradient = 0.0;
        // a of lengths 6..36 against batches of mixed lengths (shorter and longer than a, and equal).
        foreach (var ai in new[] { 3, 7, 26, 0, 101 })
        {
            var a = series[ai];
            var bs = Enumerable.Range(0, count).Select(l => series[(ai * 31 + l * 17 + 5) % series.Count]).ToArray();
            var size = a.Length * a.Dimensions;
            var values = new double[count];
            var onlyValues = new double[count];
            var gradients = new double[count * size];
            SoftDtwBatch.ValuesAndGradients(a, bs, 0, count, gamma, values, gradients);
            SoftDtwBatch.Values(a, bs, 0, count, gamma, onlyValues);
            var single = new double[size];
            for (var l = 0; l < count; l++)
            {
                var expected = SoftDtw.ValueAndGradient(a, bs[l], gamma, single);
                Assert.Equal(values[l], onlyValues[l]); // the same recursion with or without weights
                worstValue = Math.Max(worstValue, Math.Abs(values[l] - expected) / Math.Max(Math.Abs(expected), 1.0));
                var scale = single.Max(Math.Abs);
                for (var k = 0; k < size; k++) worstGradient = Math.Max(worstGradient, Math.Abs(gradients[l * size + k] - single[k]) / scale);
            }
        }
        output.WriteLine($"γ = {gamma}, {count} lanes: values {worstValue:E2} of max(|value|, 1), gradients {worstGradient:E2} of the largest entry");
        Assert.True(worstValue <= ValueTolerance, $"value error {worstValue:E3}");
        Assert.True(worstGradient <= GradientTolerance, $"gradient error {worstGradient:E3}");
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.01)]
    public void Small_gammas_stay_finite_and_close_to_the_scalar_path(double gamma)
    {
        // e^(−R/γ) spans thousands of binary orders of magnitude here: the exponent kept apart must hold it.
        var a = Small.Series[2];
        var bs = new[] { Small.Series[3], Small.Series[26], Small.Series[7] };
        var values = new double[bs.Length];
        var gradients = new double[bs.Length * a.Values.Length];
        SoftDtwBatch.ValuesAndGradients(a, bs, 0, bs.Length, gamma, values, gradients);
        var single = new double[a.Values.Length];
        for (var l = 0; l < bs.Length; l++)
        {
            var expected = SoftDtw.ValueAndGradient(a, bs[l], gamma, single);
            Assert.True(double.IsFinite(values[l]));
            Assert.Equal(expected, values[l], Math.Abs(expected) * 1e-12);
            var scale = single.Max(Math.Abs);
            for (var k = 0; k < single.Length; k++) Assert.Equal(single[k], gradients[l * single.Length + k], scale * 1e-11);
        }
    }

    [Theory]
    [MemberData(nameof(GammaKeys))]
    public void Values_and_the_gradient_match_tslearn(string key)
    {
        var gamma = GammaOf(key);
        var series = Small.Series;
        // The 20×20 cdist block, one row a batch (Lanes columns at a time).
        var block = Json("small_pairs.json").GetProperty("cdist_block").GetProperty(key).EnumerateArray().Select(Doubles).ToArray();
        var firstTwenty = series.Take(20).ToArray();
        var values = new double[SoftDtwBatch.Lanes];
        var worst = 0.0;
        for (var i = 0; i < 20; i++)
        {
            for (var first = 0; first < 20; first += SoftDtwBatch.Lanes)
            {
                var count = Math.Min(SoftDtwBatch.Lanes, 20 - first);
                SoftDtwBatch.Values(firstTwenty[i], firstTwenty, first, count, gamma, values);
                for (var l = 0; l < count; l++) worst = Math.Max(worst, SoftDtwReferenceTests.RelativeError(values[l], block[i][first + l]));
            }
        }
        // d sdtw(X_0, X_1)/d X_0, with X_1 in lane 0 of a full batch.
        var reference = Json("small_grad.json").GetProperty("per_gamma").GetProperty(key);
        var expected = Flatten(reference.GetProperty("grad_x"));
        var (x, y) = (series[0], series[1]);
        var bs = Enumerable.Range(0, SoftDtwBatch.Lanes).Select(l => l == 0 ? y : series[40 + l]).ToArray();
        var gradients = new double[bs.Length * x.Values.Length];
        SoftDtwBatch.ValuesAndGradients(x, bs, 0, bs.Length, gamma, values, gradients);
        var scale = expected.Max(Math.Abs);
        var maxNormalised = 0.0;
        var elementwise = 0.0;
        for (var k = 0; k < expected.Length; k++)
        {
            maxNormalised = Math.Max(maxNormalised, Math.Abs(gradients[k] - expected[k]) / scale);
            elementwise = Math.Max(elementwise, SoftDtwReferenceTests.RelativeError(gradients[k], expected[k]));
        }
        var valueError = SoftDtwReferenceTests.RelativeError(values[0], reference.GetProperty("value").GetDouble());
        output.WriteLine($"{key}: cdist block {worst:E2}; pair (0, 1) value {valueError:E2}, gradient {maxNormalised:E2} max-normalised, {elementwise:E2} element-wise");
        Assert.True(worst <= 1e-9, $"cdist error {worst:E3}");
        Assert.True(valueError <= 1e-9, $"value error {valueError:E3}");
        Assert.True(maxNormalised <= 1e-13, $"gradient error {maxNormalised:E3}");
        Assert.True(elementwise <= 1e-9, $"element-wise gradient error {elementwise:E3}");
    }

    public static TheoryData<string> GammaKeys => [.. Gammas];

    [Fact]
    public void A_pairs_result_does_not_depend_on_its_batch()
    {
        // Every operation is lane-wise, so the pair (a, b) gives the same bits alone, in a small batch
        // (four-lane vectors) or a full one (the widest vectors), at any position, beside any series.
        var series = Small.Series;
        var a = series[12];
        var b = series[26]; // 36 frames, longer than a
        var size = a.Values.Length;
        var (value, gradient) = Run(a, [b], 0);
        var layouts = new List<TimeSeries[]> { new[] { series[5], b, series[9] } };
        var full = Enumerable.Range(0, SoftDtwBatch.Lanes).Select(l => series[60 + 3 * l]).ToArray();
        full[SoftDtwBatch.Lanes - 1] = b;
        layouts.Add(full);
        var longest = Enumerable.Range(0, SoftDtwBatch.Lanes).Select(_ => b).ToArray();
        layouts.Add(longest);
        foreach (var bs in layouts)
        {
            var lane = Array.IndexOf(bs, b);
            var (batchValue, batchGradient) = Run(a, bs, lane);
            Assert.Equal(value, batchValue);
            Assert.Equal(gradient, batchGradient);
        }

        (double Value, double[] Gradient) Run(TimeSeries x, TimeSeries[] bs, int lane)
        {
            var values = new double[bs.Length];
            var gradients = new double[bs.Length * size];
            SoftDtwBatch.ValuesAndGradients(x, bs, 0, bs.Length, 1.0, values, gradients);
            var onlyValues = new double[bs.Length];
            SoftDtwBatch.Values(x, bs, 0, bs.Length, 1.0, onlyValues);
            Assert.Equal(values[lane], onlyValues[lane]);
            return (values[lane], gradients[(lane * size)..((lane + 1) * size)]);
        }
    }

    [Fact]
    public void Changed_series_are_not_served_from_the_previous_batch()
    {
        // A thread keeps the transposed b_l of its last batch while they hold the same values; a
        // series changed in place (same objects, same lengths) must be seen.
        var centres = Small.Series.Take(SoftDtwBatch.Lanes).Select(c => Resampling.Linear(c, 36)).ToArray();
        var a = Small.Series[42];
        var values = new double[SoftDtwBatch.Lanes];
        foreach (var count in new[] { SoftDtwBatch.Lanes, 2 })
        {
            SoftDtwBatch.Values(a, centres, 0, count, 1.0, values);
            SoftDtwBatch.Values(Small.Series[43], centres, 0, count, 1.0, values);
            centres[1].Values[17] += 0.25;
            SoftDtwBatch.Values(a, centres, 0, count, 1.0, values);
            for (var l = 0; l < count; l++)
            {
                var expected = SoftDtw.Value(a, centres[l], 1.0);
                Assert.Equal(expected, values[l], Math.Max(Math.Abs(expected), 1.0) * ValueTolerance);
            }
        }
    }

    [Fact]
    public void Threads_get_the_same_bits()
    {
        var series = Small.Series;
        var centre = Resampling.Linear(series[0], 36);
        var reference = Evaluate(0);
        var results = new (double[] Values, double[] Gradients)[8];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t => results[t] = Evaluate(t));
        foreach (var (values, gradients) in results)
        {
            Assert.Equal(reference.Values, values);
            Assert.Equal(reference.Gradients, gradients);
        }

        (double[] Values, double[] Gradients) Evaluate(int seed)
        {
            // Other shapes first, so each thread's workspace holds stale, differently laid-out data.
            var scratch = new double[SoftDtwBatch.Lanes];
            SoftDtwBatch.Values(series[seed + 100], series, seed, SoftDtwBatch.Lanes, 0.1, scratch);
            var values = new double[40];
            var gradients = new double[40 * centre.Values.Length];
            for (var first = 0; first < 40; first += SoftDtwBatch.Lanes)
            {
                var count = Math.Min(SoftDtwBatch.Lanes, 40 - first);
                SoftDtwBatch.ValuesAndGradients(centre, series, 50 + first, count, 1.0, values.AsSpan(first), gradients.AsSpan(first * centre.Values.Length));
            }
            return (values, gradients);
        }
    }

    [Fact]
    public void Full_and_small_batches_do_not_allocate_once_warm()
    {
        var series = Small.Series;
        var a = series[10];
        var values = new double[SoftDtwBatch.Lanes];
        var gradients = new double[SoftDtwBatch.Lanes * a.Values.Length];
        void Run()
        {
            SoftDtwBatch.Values(a, series, 20, SoftDtwBatch.Lanes, 1.0, values);
            SoftDtwBatch.Values(a, series, 30, 2, 1.0, values);
            SoftDtwBatch.ValuesAndGradients(a, series, 20, SoftDtwBatch.Lanes, 1.0, values, gradients);
            SoftDtwBatch.ValuesAndGradients(a, series, 30, 3, 1.0, values, gradients);
        }
        // Past the runtime's tiering thresholds first (a tier-up may start its worker thread from this one).
        for (var i = 0; i < 64; i++) Run();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++) Run();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        var series = Small.Series;
        var a = series[0];
        var values = new double[SoftDtwBatch.Lanes + 1];
        var gradients = new double[(SoftDtwBatch.Lanes + 1) * a.Values.Length];
        Assert.Throws<ArgumentOutOfRangeException>(() => SoftDtwBatch.Values(a, series, 0, 0, 1.0, values));
        Assert.Throws<ArgumentOutOfRangeException>(() => SoftDtwBatch.Values(a, series, 0, SoftDtwBatch.Lanes + 1, 1.0, values));
        Assert.Throws<ArgumentOutOfRangeException>(() => SoftDtwBatch.Values(a, series, series.Count - 1, 2, 1.0, values));
        Assert.Throws<ArgumentOutOfRangeException>(() => SoftDtwBatch.Values(a, series, 0, 2, 0.0, values));
        Assert.Throws<ArgumentException>(() => SoftDtwBatch.Values(a, series, 0, 2, 1.0, values.AsSpan(0, 1)));
        Assert.Throws<ArgumentException>(() => SoftDtwBatch.ValuesAndGradients(a, series, 0, 2, 1.0, values, gradients.AsSpan(0, a.Values.Length)));
        var other = new TimeSeries(3, 2, new double[6]);
        Assert.Throws<ArgumentException>(() => SoftDtwBatch.Values(a, [series[1], other], 0, 2, 1.0, values));
    }
}
