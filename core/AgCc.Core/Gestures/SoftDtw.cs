using System.Numerics;
using System.Runtime.InteropServices;

namespace AgCc.Core.Gestures;

/// <summary>
/// Soft-DTW (Cuturi &amp; Blondel 2017) with the squared Euclidean ground cost, as tslearn 0.9
/// computes it: R[i,j] = C[i,j] + softmin_γ(R[i−1,j], R[i−1,j−1], R[i,j−1]) with a max-shifted
/// log-sum-exp, and the backward recursion for the expected alignment E and the gradient
/// ∂sdtw/∂x_i = Σ_j E[i,j]·2(x_i − y_j). The forward pass keeps the three soft-min weights of every
/// cell: they are exactly the exponentials tslearn's backward pass recomputes
/// (exp((R[i+1,j+1] − R[i,j] − C[i+1,j+1])/γ)), so the backward pass needs no exp at all.
/// Every call is allocation-free once the calling thread's workspace has grown.
/// </summary>
public static class SoftDtw
{
    public static double Value(TimeSeries x, TimeSeries y, double gamma)
    {
        CheckPair(x, y);
        return Value(x.Values, x.Length, y.Values, y.Length, x.Dimensions, gamma);
    }

    public static double Value(ReadOnlySpan<double> x, int m, ReadOnlySpan<double> y, int n, int d, double gamma)
    {
        CheckGamma(gamma);
        var ws = SoftDtwWorkspace.ForThread(m, n);
        SquaredEuclideanCost.Fill(x, m, y, n, d, ws.Cost, n);
        return Forward(ws, m, n, gamma, keepWeights: false);
    }

    /// <summary>The value with the plain scalar cost loop (the benchmark's reference; same result to rounding).</summary>
    public static double ValueScalarReference(TimeSeries x, TimeSeries y, double gamma)
    {
        CheckPair(x, y);
        CheckGamma(gamma);
        var ws = SoftDtwWorkspace.ForThread(x.Length, y.Length);
        SquaredEuclideanCost.FillScalar(x.Values, x.Length, y.Values, y.Length, x.Dimensions, ws.Cost, y.Length);
        return Forward(ws, x.Length, y.Length, gamma, keepWeights: false);
    }

    /// <summary>The value; <paramref name="gradient"/> (x.Length × d, row-major) is overwritten with ∂sdtw/∂x.</summary>
    public static double ValueAndGradient(TimeSeries x, TimeSeries y, double gamma, Span<double> gradient)
    {
        CheckPair(x, y);
        return ValueAndGradient(x.Values, x.Length, y.Values, y.Length, x.Dimensions, gamma, gradient, []);
    }

    /// <summary>
    /// The value, ∂sdtw/∂x into <paramref name="gradient"/> (m×d; overwritten) and, when
    /// <paramref name="alignment"/> is not empty, the expected alignment E (m×n, row-major).
    /// </summary>
    public static double ValueAndGradient(
        ReadOnlySpan<double> x, int m, ReadOnlySpan<double> y, int n, int d, double gamma,
        Span<double> gradient, Span<double> alignment)
    {
        CheckGamma(gamma);
        if (gradient.Length < m * d) throw new ArgumentException($"gradient needs {m * d} values", nameof(gradient));
        if (!alignment.IsEmpty && alignment.Length < m * n) throw new ArgumentException($"alignment needs {m * n} values", nameof(alignment));
        var ws = SoftDtwWorkspace.ForThread(m, n);
        SquaredEuclideanCost.Fill(x, m, y, n, d, ws.Cost, n);
        var value = Forward(ws, m, n, gamma, keepWeights: true);
        Backward(ws, m, n);
        Gradient(ws.E, n + 1, laneStride: 1, lane: 0, x, m, y, n, d, gradient);
        if (!alignment.IsEmpty)
            for (var i = 0; i < m; i++) ws.E.AsSpan(i * (n + 1), n).CopyTo(alignment.Slice(i * n, n));
        return value;
    }

    /// <summary>The matrix of values, row i for xs[i], column j for ys[j], rows in parallel.</summary>
    public static double[][] Matrix(IReadOnlyList<TimeSeries> xs, IReadOnlyList<TimeSeries> ys, double gamma)
    {
        CheckGamma(gamma);
        var rows = new double[xs.Count][];
        Parallel.For(0, xs.Count, i =>
        {
            var row = new double[ys.Count];
            for (var j = 0; j < ys.Count; j++) row[j] = Value(xs[i], ys[j], gamma);
            rows[i] = row;
        });
        return rows;
    }

    private static double Forward(SoftDtwWorkspace ws, int m, int n, double gamma, bool keepWeights)
    {
        var s = n + 1;
        var r = ws.R.AsSpan(0, (m + 1) * s);
        var cost = ws.Cost;
        r[0] = 0.0;
        for (var j = 1; j <= n; j++) r[j] = double.PositiveInfinity;
        for (var i = 1; i <= m; i++) r[i * s] = double.PositiveInfinity;
        var minusInverseGamma = -1.0 / gamma;
        var up = ws.WeightUp;
        var left = ws.WeightLeft;
        var diagonal = ws.WeightDiagonal;
        for (var i = 0; i < m; i++)
        {
            var above = i * s;
            var here = above + s;
            var costRow = i * n;
            for (var j = 0; j < n; j++)
            {
                // tslearn's _softmin3(up, diagonal, left): shift by the largest exponent.
                var a = r[above + j + 1] * minusInverseGamma;
                var b = r[above + j] * minusInverseGamma;
                var c = r[here + j] * minusInverseGamma;
                var max = Math.Max(Math.Max(a, b), c);
                var ea = Math.Exp(a - max);
                var eb = Math.Exp(b - max);
                var ec = Math.Exp(c - max);
                var sum = ea + eb + ec;
                r[here + j + 1] = cost[costRow + j] - gamma * (Math.Log(sum) + max);
                if (keepWeights)
                {
                    var inverse = 1.0 / sum;
                    var cell = i * s + j;
                    up[cell] = ea * inverse;
                    diagonal[cell] = eb * inverse;
                    left[cell] = ec * inverse;
                }
            }
        }
        return r[m * s + n];
    }

    /// <summary>E[i,j] = E[i+1,j]·w↑(i+1,j) + E[i,j+1]·w←(i,j+1) + E[i+1,j+1]·w↖(i+1,j+1), E[m−1,n−1] = 1.</summary>
    private static void Backward(SoftDtwWorkspace ws, int m, int n)
    {
        var s = n + 1;
        var e = ws.E;
        var up = ws.WeightUp;
        var left = ws.WeightLeft;
        var diagonal = ws.WeightDiagonal;
        // Zero padding (last row and column) so the recursion needs no bounds tests.
        for (var j = 0; j <= n; j++)
        {
            e[m * s + j] = 0.0;
            up[m * s + j] = left[m * s + j] = diagonal[m * s + j] = 0.0;
        }
        for (var i = 0; i < m; i++)
        {
            e[i * s + n] = 0.0;
            up[i * s + n] = left[i * s + n] = diagonal[i * s + n] = 0.0;
        }
        for (var i = m - 1; i >= 0; i--)
        {
            var here = i * s;
            var below = here + s;
            for (var j = n - 1; j >= 0; j--)
            {
                if (i == m - 1 && j == n - 1)
                {
                    e[here + j] = 1.0;
                    continue;
                }
                e[here + j] = e[below + j] * up[below + j]
                    + e[here + j + 1] * left[here + j + 1]
                    + e[below + j + 1] * diagonal[below + j + 1];
            }
        }
    }

    /// <summary>
    /// G[i,:] = Σ_j E[i,j]·2(x_i − y_j) in tslearn's order of summation, SIMD over features. E's cell
    /// (i, j) is at (i·stride + j)·laneStride + lane: laneStride 1 for one pair, the lane count for
    /// lane-interleaved buffers. (<see cref="SoftDtwBatch"/> computes its lanes' gradients as
    /// 2·(x_i·Σ_j E[i,j] − Σ_j E[i,j]·y_j), a matrix product, in SoftDtwBatchKernel.)
    /// </summary>
    internal static void Gradient(double[] e, int stride, int laneStride, int lane, ReadOnlySpan<double> x, int m, ReadOnlySpan<double> y, int n, int d, Span<double> gradient)
    {
        var lanes = Vector<double>.Count;
        var wide = d / lanes * lanes;
        for (var i = 0; i < m; i++)
        {
            var xi = x.Slice(i * d, d);
            var gi = gradient.Slice(i * d, d);
            gi.Clear();
            var gv = MemoryMarshal.Cast<double, Vector<double>>(gi);
            var xv = MemoryMarshal.Cast<double, Vector<double>>(xi);
            for (var j = 0; j < n; j++)
            {
                var weight = e[(i * stride + j) * laneStride + lane] * 2.0;
                if (weight == 0.0) continue; // exactly zero cells add nothing (and skip the far corners)
                var yj = y.Slice(j * d, d);
                var yv = MemoryMarshal.Cast<double, Vector<double>>(yj);
                for (var v = 0; v < gv.Length; v++) gv[v] += weight * (xv[v] - yv[v]);
                for (var k = wide; k < d; k++) gi[k] += weight * (xi[k] - yj[k]);
            }
        }
    }

    private static void CheckPair(TimeSeries x, TimeSeries y)
    {
        if (x.Dimensions != y.Dimensions)
            throw new ArgumentException($"dimensions differ: {x.Dimensions} and {y.Dimensions}");
    }

    private static void CheckGamma(double gamma)
    {
        if (!(gamma > 0.0) || double.IsInfinity(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "γ must be a positive finite number");
    }
}
