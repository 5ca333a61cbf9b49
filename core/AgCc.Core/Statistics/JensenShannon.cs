namespace AgCc.Core.Statistics;

/// <summary>
/// The Jensen–Shannon divergence of discrete distributions, in bits: H(mean of P_i) − mean of
/// H(P_i) with equal weights, so it lies in [0, 1] for two distributions and in [0, log2 n] for n.
/// Counts are normalised first; 0·log 0 = 0.
/// </summary>
public static class JensenShannon
{
    public static double Divergence(IReadOnlyList<IReadOnlyList<double>> counts)
    {
        if (counts.Count == 0) throw new ArgumentException("no distributions", nameof(counts));
        var width = counts[0].Count;
        if (counts.Any(c => c.Count != width)) throw new ArgumentException("the distributions differ in length", nameof(counts));
        var distributions = counts.Select(Normalise).ToArray();
        var mixture = new double[width];
        foreach (var p in distributions)
            for (var i = 0; i < width; i++) mixture[i] += p[i] / distributions.Length;
        var divergence = Entropy(mixture) - distributions.Average(Entropy);
        return Math.Max(0.0, divergence); // rounding can dip below 0 for equal distributions
    }

    private static double[] Normalise(IReadOnlyList<double> counts)
    {
        var total = 0.0;
        foreach (var c in counts)
        {
            if (!(c >= 0) || !double.IsFinite(c)) throw new ArgumentException($"a count is {c}; counts must be finite and ≥ 0", nameof(counts));
            total += c;
        }
        if (total == 0) throw new ArgumentException("a distribution has no mass", nameof(counts));
        return [.. counts.Select(c => c / total)];
    }

    private static double Entropy(double[] p)
    {
        var h = 0.0;
        foreach (var x in p)
            if (x > 0) h -= x * Math.Log2(x);
        return h;
    }
}
