using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AgCc.Core.Gestures;

/// <summary>
/// Soft-DTW of one series a against up to <see cref="Lanes"/> series b_l at once, one per SIMD lane
/// (<see cref="SoftDtwBatchKernel{T, TPair}"/>, one generic kernel): eight lanes in a Vector512 where
/// AVX-512 is accelerated, otherwise (and for batches of at most four) four lanes in a Vector256.
/// The recursion is <see cref="SoftDtw"/>'s with tslearn's |a|²+|b|²−2a·b cost, carried in scaled
/// exponential form (docs/gestures.md, Speed), so results agree with the scalar path to ~1e-13 and
/// every cell's arithmetic serves all the lanes. A lane's result depends only on its own pair,
/// not on the width, the lane or the other pairs of the batch. The b_l may differ in length: the
/// grid is as wide as the longest, a cell (i, j) only depends on columns ≤ j so lane l reads its
/// value at column n_l, and its alignment matrix is exactly zero past n_l. This is what the k-means
/// hot paths use (a series against the centres; a barycentre against its members); allocation-free
/// per thread once warm.
/// </summary>
public static class SoftDtwBatch
{
    public const int Lanes = 8;

    /// <summary>Whether the lanes run in hardware; otherwise the callers loop over <see cref="SoftDtw"/>.</summary>
    public static bool IsAccelerated => Vector256.IsHardwareAccelerated && Fma.IsSupported;

    /// <summary>values[l] = sdtw(a, bs[first + l]) for l &lt; count (1..<see cref="Lanes"/>).</summary>
    public static void Values(TimeSeries a, IReadOnlyList<TimeSeries> bs, int first, int count, double gamma, Span<double> values)
    {
        Check(bs, first, count, gamma);
        if (values.Length < count) throw new ArgumentException($"values needs {count} entries", nameof(values));
        if (count > 4 && Vector512.IsHardwareAccelerated)
        {
            SoftDtwBatchKernel<Lane8, Lane8x2>.Values(a, bs, first, count, gamma, values);
            return;
        }
        for (var c = 0; c < count; c += 4)
            SoftDtwBatchKernel<Lane4, Lane4x2>.Values(a, bs, first + c, Math.Min(4, count - c), gamma, values[c..]);
    }

    /// <summary>
    /// values[l] = sdtw(a, bs[first + l]) and gradients[l·m·d ..] = ∂/∂a of it (row-major), for
    /// l &lt; count; <paramref name="gradients"/> needs count·a.Length·d values.
    /// </summary>
    public static void ValuesAndGradients(TimeSeries a, IReadOnlyList<TimeSeries> bs, int first, int count, double gamma, Span<double> values, Span<double> gradients)
    {
        Check(bs, first, count, gamma);
        var size = a.Length * a.Dimensions;
        if (values.Length < count) throw new ArgumentException($"values needs {count} entries", nameof(values));
        if (gradients.Length < count * size) throw new ArgumentException($"gradients needs {count * size} values", nameof(gradients));
        if (count > 4 && Vector512.IsHardwareAccelerated)
        {
            SoftDtwBatchKernel<Lane8, Lane8x2>.ValuesAndGradients(a, bs, first, count, gamma, values, gradients);
            return;
        }
        for (var c = 0; c < count; c += 4)
            SoftDtwBatchKernel<Lane4, Lane4x2>.ValuesAndGradients(a, bs, first + c, Math.Min(4, count - c), gamma, values[c..], gradients[(c * size)..]);
    }

    private static void Check(IReadOnlyList<TimeSeries> bs, int first, int count, double gamma)
    {
        if (count is < 1 or > Lanes) throw new ArgumentOutOfRangeException(nameof(count), count, $"1 to {Lanes} series per batch");
        if (first < 0 || first + count > bs.Count) throw new ArgumentOutOfRangeException(nameof(first), first, $"series {first}..{first + count - 1} of {bs.Count}");
        if (!(gamma > 0.0) || double.IsInfinity(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "γ must be a positive finite number");
    }
}
