using System.Buffers;
using MathNet.Numerics.Distributions;

namespace AgCc.Core.Statistics;

/// <summary>The outcome of a paired test.</summary>
/// <param name="Statistic">t for the t-test; for Wilcoxon the smaller of the signed-rank sums (scipy's two-sided statistic). NaN when the test is undefined.</param>
/// <param name="PValue">two-sided; NaN when the test is undefined (fewer than 2 pairs, all differences zero, zero variance of the differences for t).</param>
/// <param name="Pairs">the pairs used (for Wilcoxon: after dropping zero differences).</param>
public readonly record struct PairedTestResult(double Statistic, double PValue, int Pairs);

/// <summary>
/// Two-sided paired tests of a − b, for comparing two methods scored on the same seeds (or folds).
/// Both reproduce scipy 1.10.1 (checked against it by tests/AgCc.Core.Tests/Fixtures/Statistics),
/// except that an undefined test gives NaN where scipy gives ±inf or a p-value from one pair.
/// </summary>
public static class PairedTests
{
    /// <summary>scipy's 'auto' uses the exact null distribution up to this many pairs (counted before zeros are dropped).</summary>
    private const int ExactMaxPairs = 50;

    /// <summary>Differences up to this many are ranked in stack memory; more rent from the pool.</summary>
    private const int StackPairs = 128;

    /// <summary>scipy.stats.ttest_rel(a, b): t = mean(d) / (sd(d) / √n) on n − 1 degrees of freedom.</summary>
    public static PairedTestResult TTest(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        Check(a, b);
        var n = a.Length;
        if (n < 2) return Undefined(n);

        var sum = 0.0;
        var constant = true;
        for (var i = 0; i < n; i++)
        {
            var d = a[i] - b[i];
            sum += d;
            constant &= d == a[0] - b[0];
        }
        // Equal differences have no variance; testing it would only measure rounding in the mean
        // (scipy then says t = ±inf, p = 0, or 0/0).
        if (constant) return Undefined(n);

        var mean = sum / n;
        var squares = 0.0;
        for (var i = 0; i < n; i++)
        {
            var e = a[i] - b[i] - mean;
            squares += e * e;
        }
        // scipy's order: the biased variance, scaled by n / (n − 1).
        var variance = squares / n * ((double)n / (n - 1));
        var t = mean / Math.Sqrt(variance / n);
        var p = 2 * StudentT.CDF(location: 0, scale: 1, freedom: n - 1, x: -Math.Abs(t));
        return new(t, p, n);
    }

    /// <summary>
    /// scipy.stats.wilcoxon(a, b) with its defaults: zero differences dropped ('wilcox'), average
    /// ranks for tied |d|, no continuity correction. Up to 50 pairs with no zero the p-value comes
    /// from the exact distribution of r+; otherwise from the normal approximation with the tie
    /// correction of the variance.
    /// </summary>
    public static PairedTestResult Wilcoxon(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        Check(a, b);
        var n = a.Length;

        double[]? rented = null;
        Span<double> buffer = n <= StackPairs ? stackalloc double[2 * StackPairs] : rented = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            // |d| sorted, carrying d along for its sign.
            var magnitudes = buffer[..n];
            var differences = buffer.Slice(n, n);
            var m = 0;
            for (var i = 0; i < n; i++)
            {
                var d = a[i] - b[i];
                if (d == 0) continue;
                magnitudes[m] = Math.Abs(d);
                differences[m++] = d;
            }
            if (m < 2) return Undefined(m);
            magnitudes = magnitudes[..m];
            differences = differences[..m];
            magnitudes.Sort(differences);

            // Each run of equal |d| shares the average of the ranks it spans.
            var rPlus = 0.0;
            var tieTerm = 0L; // Σ t(t² − 1) over runs of t tied values
            for (var start = 0; start < m;)
            {
                var end = start + 1;
                while (end < m && magnitudes[end] == magnitudes[start]) end++;
                var rank = (start + 1 + end) / 2.0;
                for (var i = start; i < end; i++)
                    if (differences[i] > 0) rPlus += rank;
                long t = end - start;
                tieTerm += t * (t * t - 1);
                start = end;
            }
            var total = m * (m + 1) / 2;
            var rMinus = total - rPlus; // exact: rank sums are whole or half numbers
            var statistic = Math.Min(rPlus, rMinus);

            // scipy 1.10.1 uses the exact distribution for ≤ 50 pairs even with ties, but switches to
            // the normal approximation as soon as any difference is zero.
            if (n <= ExactMaxPairs && m == n)
                return new(statistic, ExactPValue((int)rPlus, m), m); // scipy truncates a half-integer r+ (int(r_plus)) here

            var mean = m * (m + 1.0) * 0.25;
            var sd = Math.Sqrt((m * (m + 1.0) * (2.0 * m + 1.0) - 0.5 * tieTerm) / 24);
            var z = (statistic - mean) / sd;
            return new(statistic, 2 * Normal.CDF(mean: 0, stddev: 1, x: -Math.Abs(z)), m);
        }
        finally
        {
            if (rented is not null) ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Two-sided P of a signed-rank sum r+ of n untied ranks: 2·min(P(R ≤ r), P(R ≥ r)), at most 1.
    /// The null distribution is symmetric about n(n+1)/4, so P(R ≥ r) = P(R ≤ total − r) and only the
    /// lower tail up to min(r, total − r) is needed: the number of subsets of {1..n} with each sum, by a
    /// knapsack DP, over 2ⁿ sign assignments. For n ≤ 50 the counts stay below 2⁵⁰, so the p-value is
    /// exact in double (as scipy's sum of dyadic pmf terms is).
    /// </summary>
    private static double ExactPValue(int rPlus, int n)
    {
        var total = n * (n + 1) / 2;
        var tail = Math.Min(rPlus, total - rPlus); // ≤ 637 for n = 50
        Span<long> ways = stackalloc long[tail + 1];
        ways.Clear();
        ways[0] = 1;
        for (var k = 1; k <= n; k++)
            for (var s = tail; s >= k; s--)
                ways[s] += ways[s - k];
        var below = 0L;
        foreach (var w in ways) below += w;
        return Math.Min(1.0, Math.ScaleB(below, 1 - n)); // 2 · below / 2ⁿ
    }

    private static PairedTestResult Undefined(int pairs) => new(double.NaN, double.NaN, pairs);

    private static void Check(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"paired tests need samples of equal length; a has {a.Length} values and b has {b.Length}", nameof(b));
        for (var i = 0; i < a.Length; i++)
            if (!double.IsFinite(a[i]) || !double.IsFinite(b[i]))
                throw new ArgumentException($"pair {i} is ({a[i]}, {b[i]}); values must be finite", double.IsFinite(a[i]) ? nameof(b) : nameof(a));
    }
}
