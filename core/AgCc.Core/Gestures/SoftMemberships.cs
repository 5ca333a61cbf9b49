namespace AgCc.Core.Gestures;

/// <summary>METHOD.md step 4's soft membership of a segment in each AG cluster: p(c | s) = softmax_c(−sdtw(s, centre_c) / τ).</summary>
public static class SoftMemberships
{
    /// <summary>The memberships from a segment's soft-DTW distances to the centres, computed from the largest term down (no overflow).</summary>
    public static double[] Of(ReadOnlySpan<double> distances, double temperature)
    {
        var p = new double[distances.Length];
        var best = double.PositiveInfinity;
        foreach (var d in distances) best = Math.Min(best, d);
        var sum = 0.0;
        for (var c = 0; c < p.Length; c++) sum += p[c] = Math.Exp(-(distances[c] - best) / temperature);
        for (var c = 0; c < p.Length; c++) p[c] /= sum;
        return p;
    }
}
