using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AgCc.Core.Gestures;

/// <summary>
/// Soft-DTW of one series a against up to four series b_l at once, one per Vector256 lane: the
/// recursion is the same as <see cref="SoftDtw"/>'s, with tslearn's |a|²+|b|²−2a·b cost and
/// <see cref="LaneMath"/>'s exp/log (so results agree with the scalar path to ~1e-13), but every
/// cell's exponentials and logarithm serve four pairs. The
/// b_l may differ in length: the grid is as wide as the longest, a cell (i, j) only depends on
/// columns ≤ j so lane l reads its value at column n_l, and the backward pass zeroes lane l's
/// weights beyond n_l and seeds E at (m−1, n_l−1). This is what the k-means hot paths use
/// (series against 4 centres; a barycentre against 4 members); allocation-free per thread.
/// </summary>
public static class SoftDtwBatch
{
    public const int Lanes = 4;

    /// <summary>Whether the lanes run in hardware; otherwise the callers loop over <see cref="SoftDtw"/>.</summary>
    public static bool IsAccelerated => Vector256.IsHardwareAccelerated && Fma.IsSupported;

    /// <summary>values[l] = sdtw(a, bs[first + l]) for l &lt; count (1..4).</summary>
    public static void Values(TimeSeries a, IReadOnlyList<TimeSeries> bs, int first, int count, double gamma, Span<double> values)
    {
        var ws = Prepare(a, bs, first, count, out var n, out var lengths);
        Forward(ws, a.Length, n, gamma, keepWeights: false);
        Read(ws, a.Length, n, lengths, count, values);
    }

    /// <summary>
    /// values[l] = sdtw(a, bs[first + l]) and gradients[l·m·d ..] = ∂/∂a of it (row-major), for
    /// l &lt; count; <paramref name="gradients"/> needs count·a.Length·d values.
    /// </summary>
    public static void ValuesAndGradients(TimeSeries a, IReadOnlyList<TimeSeries> bs, int first, int count, double gamma, Span<double> values, Span<double> gradients)
    {
        var m = a.Length;
        var d = a.Dimensions;
        if (gradients.Length < count * m * d) throw new ArgumentException($"gradients needs {count * m * d} values", nameof(gradients));
        var ws = Prepare(a, bs, first, count, out var n, out var lengths);
        Forward(ws, m, n, gamma, keepWeights: true);
        Read(ws, m, n, lengths, count, values);
        Backward(ws, m, n);
        for (var l = 0; l < count; l++)
        {
            var b = bs[first + l];
            SoftDtw.Gradient(ws.E, n + 1, Lanes, l, a.Values, m, b.Values, b.Length, d, gradients.Slice(l * m * d, m * d));
        }
    }

    private static Workspace Prepare(TimeSeries a, IReadOnlyList<TimeSeries> bs, int first, int count, out int n, out Span<int> lengths)
    {
        if (count is < 1 or > Lanes) throw new ArgumentOutOfRangeException(nameof(count), count, "1 to 4 series per batch");
        var m = a.Length;
        var d = a.Dimensions;
        n = 0;
        for (var l = 0; l < count; l++)
        {
            if (bs[first + l].Dimensions != d) throw new ArgumentException($"dimensions differ: {bs[first + l].Dimensions} and {d}");
            n = Math.Max(n, bs[first + l].Length);
        }
        var ws = Workspace.ForThread(m, n, d);
        lengths = ws.Lengths;
        for (var l = 0; l < Lanes; l++) lengths[l] = bs[first + Math.Min(l, count - 1)].Length; // spare lanes repeat the last pair
        FillCost(ws, a, bs, first, count, n);
        var mask = MemoryMarshal.Cast<double, Vector256<double>>(ws.Mask.AsSpan(0, n * Lanes));
        var seed = MemoryMarshal.Cast<double, Vector256<double>>(ws.Seed.AsSpan(0, n * Lanes));
        for (var j = 0; j < n; j++)
        {
            mask[j] = Vector256.Create(j < lengths[0] ? 1.0 : 0.0, j < lengths[1] ? 1.0 : 0.0, j < lengths[2] ? 1.0 : 0.0, j < lengths[3] ? 1.0 : 0.0);
            seed[j] = Vector256.Create(j == lengths[0] - 1 ? 1.0 : 0.0, j == lengths[1] - 1 ? 1.0 : 0.0, j == lengths[2] - 1 ? 1.0 : 0.0, j == lengths[3] - 1 ? 1.0 : 0.0);
        }
        return ws;
    }

    /// <summary>
    /// C[i,j] per lane as tslearn computes it, |a_i|² + |b_j|² − 2·a_i·b_j clipped at 0 (sklearn's
    /// squared euclidean_distances), with the four lanes' dot products sharing each load of a_i.
    /// Columns beyond a lane's length use a zero frame: finite, and masked out later.
    /// </summary>
    private static void FillCost(Workspace ws, TimeSeries a, IReadOnlyList<TimeSeries> bs, int first, int count, int n)
    {
        var m = a.Length;
        var d = a.Dimensions;
        var wide = d / Lanes * Lanes;
        var zero = ws.Zero.AsSpan(0, d);
        var norms = ws.Norms; // a's norms, then per lane the b norms (n each)
        for (var i = 0; i < m; i++) norms[i] = Dot(a.Values.AsSpan(i * d, d), a.Values.AsSpan(i * d, d));
        for (var l = 0; l < Lanes; l++)
        {
            var b = bs[first + Math.Min(l, count - 1)];
            for (var j = 0; j < n; j++)
                norms[m + l * n + j] = j < b.Length ? Dot(b.Values.AsSpan(j * d, d), b.Values.AsSpan(j * d, d)) : 0.0;
        }
        var cost = MemoryMarshal.Cast<double, Vector256<double>>(ws.Cost.AsSpan(0, m * n * Lanes));
        var b0 = bs[first];
        var b1 = bs[first + Math.Min(1, count - 1)];
        var b2 = bs[first + Math.Min(2, count - 1)];
        var b3 = bs[first + Math.Min(3, count - 1)];
        var two = Vector256.Create(2.0);
        // Two frames of a at a time: each load of a b frame feeds two dot products.
        for (var i = 0; i < m; i += 2)
        {
            var i2 = Math.Min(i + 1, m - 1); // an odd last row is computed twice, written once
            var ai = a.Values.AsSpan(i * d, d);
            var ai2 = a.Values.AsSpan(i2 * d, d);
            var av = MemoryMarshal.Cast<double, Vector256<double>>(ai);
            var av2 = MemoryMarshal.Cast<double, Vector256<double>>(ai2);
            for (var j = 0; j < n; j++)
            {
                var f0 = j < b0.Length ? b0.Values.AsSpan(j * d, d) : zero;
                var f1 = j < b1.Length ? b1.Values.AsSpan(j * d, d) : zero;
                var f2 = j < b2.Length ? b2.Values.AsSpan(j * d, d) : zero;
                var f3 = j < b3.Length ? b3.Values.AsSpan(j * d, d) : zero;
                var v0 = MemoryMarshal.Cast<double, Vector256<double>>(f0);
                var v1 = MemoryMarshal.Cast<double, Vector256<double>>(f1);
                var v2 = MemoryMarshal.Cast<double, Vector256<double>>(f2);
                var v3 = MemoryMarshal.Cast<double, Vector256<double>>(f3);
                Vector256<double> s0 = default, s1 = default, s2 = default, s3 = default;
                Vector256<double> u0 = default, u1 = default, u2 = default, u3 = default;
                for (var v = 0; v < av.Length; v++)
                {
                    var x = av[v];
                    var y = av2[v];
                    var w0 = v0[v];
                    var w1 = v1[v];
                    var w2 = v2[v];
                    var w3 = v3[v];
                    s0 += x * w0;
                    s1 += x * w1;
                    s2 += x * w2;
                    s3 += x * w3;
                    u0 += y * w0;
                    u1 += y * w1;
                    u2 += y * w2;
                    u3 += y * w3;
                }
                var dots = Vector256.Create(Vector256.Sum(s0), Vector256.Sum(s1), Vector256.Sum(s2), Vector256.Sum(s3));
                var dots2 = Vector256.Create(Vector256.Sum(u0), Vector256.Sum(u1), Vector256.Sum(u2), Vector256.Sum(u3));
                if (wide < d)
                {
                    dots += Vector256.Create(Tail(ai, f0, wide), Tail(ai, f1, wide), Tail(ai, f2, wide), Tail(ai, f3, wide));
                    dots2 += Vector256.Create(Tail(ai2, f0, wide), Tail(ai2, f1, wide), Tail(ai2, f2, wide), Tail(ai2, f3, wide));
                }
                var bn = Vector256.Create(norms[m + j], norms[m + n + j], norms[m + 2 * n + j], norms[m + 3 * n + j]);
                cost[i * n + j] = Vector256.MaxNative(Vector256.Create(norms[i]) + bn - two * dots, Vector256<double>.Zero);
                cost[i2 * n + j] = Vector256.MaxNative(Vector256.Create(norms[i2]) + bn - two * dots2, Vector256<double>.Zero);
            }
        }
    }

    private static double Tail(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int from)
    {
        var sum = 0.0;
        for (var k = from; k < x.Length; k++) sum += x[k] * y[k];
        return sum;
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var xv = MemoryMarshal.Cast<double, Vector<double>>(x);
        var yv = MemoryMarshal.Cast<double, Vector<double>>(y);
        var acc = Vector<double>.Zero;
        for (var v = 0; v < xv.Length; v++) acc += xv[v] * yv[v];
        var sum = Vector.Sum(acc);
        for (var k = xv.Length * Vector<double>.Count; k < x.Length; k++) sum += x[k] * y[k];
        return sum;
    }

    private static void Read(Workspace ws, int m, int n, Span<int> lengths, int count, Span<double> values)
    {
        for (var l = 0; l < count; l++) values[l] = ws.R[(m * (n + 1) + lengths[l]) * Lanes + l];
    }

    /// <summary>
    /// The forward recursion in strips of <see cref="StripRows"/> rows swept as a skewed wavefront:
    /// at step t, row h of the strip does column t − h. Those cells are independent, so the
    /// out-of-order core overlaps their exp/log latency chains instead of waiting cell by cell
    /// (each cell still sees exactly the same inputs, so the values are unchanged).
    /// </summary>
    private static void Forward(Workspace ws, int m, int n, double gamma, bool keepWeights)
    {
        var s = n + 1;
        var size = (m + 1) * s;
        var r = MemoryMarshal.Cast<double, Vector256<double>>(ws.R.AsSpan(0, size * Lanes));
        var infinity = Vector256.Create(double.PositiveInfinity);
        r[0] = Vector256<double>.Zero;
        for (var j = 1; j <= n; j++) r[j] = infinity;
        for (var i = 1; i <= m; i++) r[i * s] = infinity;
        var k = new CellKernel(ws, m, n, gamma, keepWeights);
        for (var top = 0; top < m; top += StripRows)
        {
            var rows = Math.Min(StripRows, m - top);
            for (var t = 0; t < n + rows - 1; t++)
            {
                for (var h = 0; h < rows; h++)
                {
                    var j = t - h;
                    if ((uint)j < (uint)n) k.Cell(r, top + h, j);
                }
            }
        }
    }

    private const int StripRows = 8;

    /// <summary>One cell of the forward recursion over the four lanes.</summary>
    private readonly ref struct CellKernel(Workspace ws, int m, int n, double gamma, bool keepWeights)
    {
        private readonly int s = n + 1;
        private readonly int n = n;
        private readonly Span<Vector256<double>> cost = MemoryMarshal.Cast<double, Vector256<double>>(ws.Cost.AsSpan(0, m * n * Lanes));
        private readonly Span<Vector256<double>> up = MemoryMarshal.Cast<double, Vector256<double>>(ws.WeightUp.AsSpan(0, (m + 1) * (n + 1) * Lanes));
        private readonly Span<Vector256<double>> left = MemoryMarshal.Cast<double, Vector256<double>>(ws.WeightLeft.AsSpan(0, (m + 1) * (n + 1) * Lanes));
        private readonly Span<Vector256<double>> diagonal = MemoryMarshal.Cast<double, Vector256<double>>(ws.WeightDiagonal.AsSpan(0, (m + 1) * (n + 1) * Lanes));
        private readonly Span<Vector256<double>> mask = MemoryMarshal.Cast<double, Vector256<double>>(ws.Mask.AsSpan(0, n * Lanes));
        private readonly Vector256<double> minusInverseGamma = Vector256.Create(-1.0 / gamma);
        private readonly Vector256<double> gamma = Vector256.Create(gamma);
        private readonly bool keepWeights = keepWeights;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Cell(Span<Vector256<double>> r, int i, int j)
        {
            var above = i * s;
            var here = above + s;
            var a = r[above + j + 1] * minusInverseGamma;
            var b = r[above + j] * minusInverseGamma;
            var c = r[here + j] * minusInverseGamma;
            var max = Vector256.MaxNative(Vector256.MaxNative(a, b), c);
            if (!keepWeights)
            {
                // Values only: the largest term's exp is exactly 1, so two exps do (order of the sum aside).
                var low = Vector256.MinNative(Vector256.MinNative(a, b), c);
                var middle = Vector256.MaxNative(Vector256.MinNative(a, b), Vector256.MinNative(Vector256.MaxNative(a, b), c));
                var total = Vector256<double>.One + LaneMath.Exp(middle - max) + LaneMath.Exp(low - max);
                r[here + j + 1] = cost[i * n + j] - gamma * (LaneMath.Log(total) + max);
                return;
            }
            var ea = LaneMath.Exp(a - max);
            var eb = LaneMath.Exp(b - max);
            var ec = LaneMath.Exp(c - max);
            var sum = ea + eb + ec;
            r[here + j + 1] = cost[i * n + j] - gamma * (LaneMath.Log(sum) + max);
            var scale = mask[j] / sum; // 0 beyond a lane's length: E stays 0 there
            var cell = above + j;
            up[cell] = ea * scale;
            diagonal[cell] = eb * scale;
            left[cell] = ec * scale;
        }
    }

    private static void Backward(Workspace ws, int m, int n)
    {
        var s = n + 1;
        var size = (m + 1) * s;
        var e = MemoryMarshal.Cast<double, Vector256<double>>(ws.E.AsSpan(0, size * Lanes));
        var up = MemoryMarshal.Cast<double, Vector256<double>>(ws.WeightUp.AsSpan(0, size * Lanes));
        var left = MemoryMarshal.Cast<double, Vector256<double>>(ws.WeightLeft.AsSpan(0, size * Lanes));
        var diagonal = MemoryMarshal.Cast<double, Vector256<double>>(ws.WeightDiagonal.AsSpan(0, size * Lanes));
        var seed = MemoryMarshal.Cast<double, Vector256<double>>(ws.Seed.AsSpan(0, n * Lanes));
        for (var j = 0; j <= n; j++) e[m * s + j] = up[m * s + j] = left[m * s + j] = diagonal[m * s + j] = Vector256<double>.Zero;
        for (var i = 0; i < m; i++) e[i * s + n] = up[i * s + n] = left[i * s + n] = diagonal[i * s + n] = Vector256<double>.Zero;
        for (var i = m - 1; i >= 0; i--)
        {
            var here = i * s;
            var below = here + s;
            for (var j = n - 1; j >= 0; j--)
            {
                var value = e[below + j] * up[below + j] + e[here + j + 1] * left[here + j + 1] + e[below + j + 1] * diagonal[below + j + 1];
                e[here + j] = i == m - 1 ? value + seed[j] : value;
            }
        }
    }

    /// <summary>Lane-interleaved buffers (4 doubles a cell), grown on demand, one set per thread (Zero stays all zeros).</summary>
    private sealed class Workspace
    {
        [ThreadStatic] private static Workspace? current;

        public double[] Cost = [];
        public double[] R = [];
        public double[] WeightUp = [];
        public double[] WeightLeft = [];
        public double[] WeightDiagonal = [];
        public double[] E = [];
        public double[] Mask = [];
        public double[] Seed = [];
        public double[] Zero = [];
        public double[] Norms = [];
        public readonly int[] Lengths = new int[Lanes];

        public static Workspace ForThread(int m, int n, int d)
        {
            var ws = current ??= new Workspace();
            if (ws.Zero.Length < d) ws.Zero = new double[d];
            if (ws.Norms.Length < m + Lanes * n) ws.Norms = new double[Math.Max(m + Lanes * n, ws.Norms.Length * 2)];
            var size = (m + 1) * (n + 1) * Lanes;
            if (ws.R.Length < size)
            {
                size = Math.Max(size, ws.R.Length * 2);
                ws.Cost = new double[size];
                ws.R = new double[size];
                ws.WeightUp = new double[size];
                ws.WeightLeft = new double[size];
                ws.WeightDiagonal = new double[size];
                ws.E = new double[size];
            }
            if (ws.Mask.Length < n * Lanes)
            {
                ws.Mask = new double[Math.Max(n * Lanes, ws.Mask.Length * 2)];
                ws.Seed = new double[ws.Mask.Length];
            }
            return ws;
        }
    }
}
