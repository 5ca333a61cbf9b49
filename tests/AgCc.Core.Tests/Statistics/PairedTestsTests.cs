using System.Text.Json;
using AgCc.Core.Statistics;

namespace AgCc.Core.Tests.Statistics;

/// <summary>
/// Every case of Fixtures/Statistics/paired_tests.json (scipy 1.10.1's ttest_rel and wilcoxon) within
/// 1e-10 relative on statistic and p: 2 to 60 pairs, ties, zero differences, the exact/approximate
/// switch at 50 pairs and the undefined cases; then behaviour scipy does not pin down.
/// </summary>
[Trait("Category", Categories.Unit)]
public class PairedTestsTests
{
    private const double Tolerance = 1e-10;

    public static TheoryData<string> Cases => [.. PairedCase.Names];

    [Fact]
    public void Fixture_holds_the_cases_the_brief_asks_for()
    {
        Assert.Equal("1.10.1", PairedCase.ScipyVersion);
        var cases = PairedCase.Names.Select(PairedCase.Get).ToList();
        Assert.True(cases.Count >= 30, $"{cases.Count} cases");
        for (var n = 2; n <= 12; n++) Assert.Contains(cases, c => c.A.Length == n);
        foreach (var n in new[] { 20, 30, 60, 200 }) Assert.Contains(cases, c => c.A.Length == n); // 200: more than the stack holds
        Assert.Contains(cases, c => c.HasTiedMagnitudes && c.Wilcoxon.Method == "exact");
        Assert.Contains(cases, c => c.HasTiedMagnitudes && c.Wilcoxon.Method == "approx");
        Assert.Contains(cases, c => c.HasZeroDifferences && c.Wilcoxon.Pairs >= 2);
        Assert.Contains(cases, c => c.A.Length > 50 && !c.HasZeroDifferences); // approximate without zeros
        Assert.Contains(cases, c => c.A.Length == 50 && c.Wilcoxon.Method == "exact");
        Assert.Contains(cases, c => c.Wilcoxon.Pairs == 0);                   // all differences zero
        Assert.Contains(cases, c => double.IsNaN(c.TTest.PValue) && c.A.Length > 1 && !double.IsNaN(c.Wilcoxon.PValue)); // constant differences
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TTest_matches_scipy(string name)
    {
        var c = PairedCase.Get(name);
        var result = PairedTests.TTest(c.A, c.B);
        AssertClose(c.TTest.Statistic, result.Statistic, "t vs ttest_rel");
        AssertClose(c.TTest.PValue, result.PValue, "p vs ttest_rel");
        Assert.Equal(c.TTest.Pairs, result.Pairs);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Wilcoxon_matches_scipy(string name)
    {
        var c = PairedCase.Get(name);
        var result = PairedTests.Wilcoxon(c.A, c.B);
        AssertClose(c.Wilcoxon.Statistic, result.Statistic, "statistic vs wilcoxon");
        AssertClose(c.Wilcoxon.PValue, result.PValue, "p vs wilcoxon");
        Assert.Equal(c.Wilcoxon.Pairs, result.Pairs);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Swapping_a_and_b_negates_t_and_keeps_the_p_values(string name)
    {
        var c = PairedCase.Get(name);
        var forward = PairedTests.TTest(c.A, c.B);
        var backward = PairedTests.TTest(c.B, c.A);
        Assert.Equal(-forward.Statistic, backward.Statistic);
        Assert.Equal(forward.PValue, backward.PValue);

        var w = PairedTests.Wilcoxon(c.A, c.B);
        var wSwapped = PairedTests.Wilcoxon(c.B, c.A);
        Assert.Equal(w.Statistic, wSwapped.Statistic);
        // scipy's exact p truncates a half-integer r+ (from tied ranks), so only there does it depend on
        // the order; ties_half_ranks_n6(_swapped) pins that down against scipy.
        if (c.Wilcoxon.Method == "approx" || w.Statistic == Math.Floor(w.Statistic))
            Assert.Equal(w.PValue, wSwapped.PValue);
    }

    [Fact]
    public void Exact_p_values_match_enumerating_every_sign_assignment()
    {
        // Distinct magnitudes 1..n: every sign pattern is a possible sample; count rank sums by brute force.
        const int n = 10;
        const int total = n * (n + 1) / 2;
        var ways = new long[total + 1];
        for (var mask = 0; mask < 1 << n; mask++) ways[RankSum(mask)]++;
        var a = new double[n];
        var b = new double[n];
        for (var mask = 0; mask < 1 << n; mask += 7)
        {
            for (var i = 0; i < n; i++)
            {
                b[i] = 0.6;
                a[i] = 0.6 + ((mask >> i & 1) == 1 ? 1 : -1) * (i + 1) / 256.0;
            }
            var r = RankSum(mask);
            var tail = Math.Min(r, total - r);
            var expected = Math.Min(1.0, 2.0 * ways.Take(tail + 1).Sum() / (1 << n));
            var result = PairedTests.Wilcoxon(a, b);
            Assert.Equal(Math.Min(r, total - r), result.Statistic);
            Assert.Equal(expected, result.PValue);
        }

        static int RankSum(int mask)
        {
            var sum = 0;
            for (var i = 0; i < n; i++) if ((mask >> i & 1) == 1) sum += i + 1;
            return sum;
        }
    }

    [Fact]
    public void Mismatched_lengths_throw_naming_both()
    {
        var ex = Assert.Throws<ArgumentException>(() => PairedTests.TTest([0.6, 0.7, 0.8], [0.5, 0.6]));
        Assert.Contains("3", ex.Message);
        Assert.Contains("2", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => PairedTests.Wilcoxon([0.6], [0.5, 0.6, 0.7, 0.8]));
        Assert.Contains("1", ex.Message);
        Assert.Contains("4", ex.Message);
    }

    [Theory]
    [InlineData(double.NaN, 0.5)]
    [InlineData(0.5, double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity, 0.5)]
    public void Non_finite_values_throw(double x, double y)
    {
        double[] a = [0.61, x, 0.66];
        double[] b = [0.60, y, 0.62];
        Assert.Throws<ArgumentException>(() => PairedTests.TTest(a, b));
        Assert.Throws<ArgumentException>(() => PairedTests.Wilcoxon(a, b));
    }

    [Fact]
    public void Fewer_than_two_pairs_are_undefined()
    {
        foreach (var (a, b) in new (double[], double[])[] { ([], []), ([0.7], [0.6]) })
        {
            var t = PairedTests.TTest(a, b);
            var w = PairedTests.Wilcoxon(a, b);
            Assert.True(double.IsNaN(t.Statistic) && double.IsNaN(t.PValue));
            Assert.True(double.IsNaN(w.Statistic) && double.IsNaN(w.PValue));
            Assert.Equal(a.Length, t.Pairs);
            Assert.Equal(a.Length, w.Pairs);
        }

        // Three pairs but only one non-zero difference: Wilcoxon has one pair left (scipy still answers).
        var one = PairedTests.Wilcoxon([0.6, 0.7, 0.8], [0.6, 0.65, 0.8]);
        Assert.True(double.IsNaN(one.PValue));
        Assert.Equal(1, one.Pairs);
    }

    [Fact]
    public void Equal_differences_leave_t_undefined_even_when_their_mean_rounds()
    {
        // 0.1 + 0.1 + 0.1 ≠ 0.3 in double: scipy's variance is then rounding noise and its t ≈ 1e15.
        var t = PairedTests.TTest([0.1, 0.1, 0.1], [0.0, 0.0, 0.0]);
        Assert.True(double.IsNaN(t.Statistic) && double.IsNaN(t.PValue));
        Assert.Equal(3, t.Pairs);
    }

    [Fact]
    public void Many_pairs_use_the_normal_approximation_from_pooled_memory()
    {
        // More pairs than fit on the stack; a shifted mirror image keeps both tests well defined.
        const int n = 500;
        var a = new double[n];
        var b = new double[n];
        for (var i = 0; i < n; i++)
        {
            b[i] = 0.6;
            a[i] = 0.6 + (i % 2 == 0 ? 1 : -1) * (i + 1) / 8192.0 + 1 / 16384.0; // never zero
        }
        var w = PairedTests.Wilcoxon(a, b);
        var swapped = PairedTests.Wilcoxon(b, a);
        Assert.Equal(n, w.Pairs);
        Assert.InRange(w.PValue, 0.0, 1.0);
        Assert.Equal(w.PValue, swapped.PValue);
        Assert.Equal(w.Statistic, swapped.Statistic);
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual:R}");
            return;
        }
        var error = Math.Abs(actual - expected);
        Assert.True(error <= Tolerance * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R} (relative error {error / Math.Abs(expected):E2})");
    }
}

/// <summary>One case of Fixtures/Statistics/paired_tests.json (scipy's numbers; see its README). NaN where the JSON says null.</summary>
internal sealed record PairedCase(string Name, double[] A, double[] B, bool HasZeroDifferences, bool HasTiedMagnitudes, PairedCase.Expected TTest, PairedCase.Expected Wilcoxon)
{
    internal sealed record Expected(double Statistic, double PValue, int Pairs, string? Method);

    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "Statistics", "paired_tests.json");

    private static readonly Lazy<(string Scipy, IReadOnlyDictionary<string, PairedCase> Cases)> All = new(Load);

    public static string ScipyVersion => All.Value.Scipy;

    public static IEnumerable<string> Names => All.Value.Cases.Keys;

    public static PairedCase Get(string name) => All.Value.Cases[name];

    public override string ToString() => Name;

    private static (string, IReadOnlyDictionary<string, PairedCase>) Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path));
        var root = json.RootElement;
        return (root.GetProperty("scipy").GetString()!,
                root.GetProperty("cases").EnumerateArray().Select(Read).ToDictionary(c => c.Name));
    }

    private static PairedCase Read(JsonElement c) => new(
        c.GetProperty("name").GetString()!,
        Doubles(c.GetProperty("a")),
        Doubles(c.GetProperty("b")),
        c.GetProperty("has_zero_differences").GetBoolean(),
        c.GetProperty("has_tied_magnitudes").GetBoolean(),
        ReadExpected(c.GetProperty("ttest")),
        ReadExpected(c.GetProperty("wilcoxon")));

    private static Expected ReadExpected(JsonElement e) => new(
        NullableDouble(e.GetProperty("statistic")),
        NullableDouble(e.GetProperty("pvalue")),
        e.GetProperty("pairs").GetInt32(),
        e.TryGetProperty("method", out var method) ? method.GetString() : null);

    private static double NullableDouble(JsonElement v) => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble();

    private static double[] Doubles(JsonElement a) => [.. a.EnumerateArray().Select(v => v.GetDouble())];
}
