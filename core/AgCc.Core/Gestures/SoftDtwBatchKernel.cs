using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AgCc.Core.Gestures;

/// <summary>
/// <see cref="SoftDtwBatch"/>'s kernel, written once for any lane width <typeparamref name="T"/>
/// (<typeparamref name="TPair"/> is two of them, to interleave two cells): lane l holds the pair
/// (a, b_l), and cell (i, j) of every buffer is T.Count consecutive doubles.
/// <list type="number">
/// <item>The b_l are transposed to B[j][k] = (b_0[j,k], …, b_{W−1}[j,k]) (zero frames past a lane's
/// length), so C = |a_i|² + |b_j|² − 2·a_i·b_j is a small register-blocked matrix product: a_i[k]
/// broadcast, one fused multiply-add per (i, j, k) for all lanes, no horizontal sums. Its epilogue
/// turns C into K = e^(−C/γ) = mK·2^eK (<see cref="LaneMath.PowerOfTwo"/>): independent cells,
/// so that exp runs at full throughput outside the recursion.</item>
/// <item>The forward recursion carries P = e^(−R/γ) = m·2^e with the exponent e apart, so it never
/// underflows: R[i,j] = C[i,j] − γ·log(e^(−R[i−1,j]/γ) + e^(−R[i−1,j−1]/γ) + e^(−R[i,j−1]/γ)) is
/// P[i,j] = K[i,j]·(P[i−1,j] + P[i−1,j−1] + P[i,j−1]): three exact rescalings to the largest
/// exponent, two additions, a product and a renormalisation (vgetexp/vgetmant) per cell, no exp or
/// log in the dependency chain (tslearn's max-shifted log-sum-exp is the same quantity). The soft-min
/// weights are the three rescaled terms over their sum. Cells run in strips of rows swept as a
/// skewed wavefront, two at a time, so independent chains overlap.</item>
/// <item>The backward recursion gives E (as <see cref="SoftDtw"/>'s, in its order of summation);
/// lane l is seeded at (m−1, n_l−1), so E is exactly 0 in the columns past n_l. The gradient of
/// lane l, Σ_j E[i,j]·2(a_i − b_j) = 2·(a_i·Σ_j E[i,j] − Σ_j E[i,j]·b_j), is again a small matrix
/// product (fused multiply-adds over contiguous frames of b_l).</item>
/// </list>
/// </summary>
internal static class SoftDtwBatchKernel<T, TPair>
    where T : struct, ILaneVector<T>
    where TPair : struct, ILanePair<TPair, T>
{
    private const int StripRows = 8;

    /// <summary>This width's buffers on this thread (one set per width: see <see cref="Transpose"/>).</summary>
    [ThreadStatic] private static SoftDtwBatchWorkspace? workspace;

    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;

    /// <summary>The exponent of a zero P (R = +∞) and the floor of the rescaling exponents (2^-1000 stays normal).</summary>
    private const double ZeroExponent = -1e300;
    private const double LowestScale = -1000.0;

    /// <summary>The floor of log2 K = −C/(γ·ln 2), where <see cref="LaneMath.PowerOfTwo"/> stays exact (a cost of ~7.8e14·γ or more counts as that).</summary>
    private const double LowestPower = -1125899906842624.0; // −2^50

    public static void Values(TimeSeries a, IReadOnlyList<TimeSeries> bs, int first, int count, double gamma, Span<double> values)
    {
        var ws = Prepare(a, bs, first, count, gamma, out var n);
        Forward(ws, a.Length, n, keepWeights: false);
        Read(ws, a.Length, n, count, gamma, values);
    }

    public static void ValuesAndGradients(TimeSeries a, IReadOnlyList<TimeSeries> bs, int first, int count, double gamma, Span<double> values, Span<double> gradients)
    {
        var m = a.Length;
        var d = a.Dimensions;
        var ws = Prepare(a, bs, first, count, gamma, out var n);
        Forward(ws, m, n, keepWeights: true);
        Read(ws, m, n, count, gamma, values);
        Backward(ws, m, n);
        RowSums(ws, m, n);
        for (var l = 0; l < count; l++)
        {
            var b = bs[first + l];
            Gradient(ws, l, a.Values, m, b.Values, b.Length, n + 1, d, gradients.Slice(l * m * d, m * d));
        }
    }

    private static SoftDtwBatchWorkspace Prepare(TimeSeries a, IReadOnlyList<TimeSeries> bs, int first, int count, double gamma, out int n)
    {
        var m = a.Length;
        var d = a.Dimensions;
        n = 0;
        for (var l = 0; l < count; l++)
        {
            if (bs[first + l].Dimensions != d) throw new ArgumentException($"dimensions differ: {bs[first + l].Dimensions} and {d}");
            n = Math.Max(n, bs[first + l].Length);
        }
        var ws = SoftDtwBatchWorkspace.Ensure(ref workspace, m, n, d, T.Count);
        Transpose(ws, bs, first, count, n, d);
        FillKernel(ws, a, n, gamma);
        return ws;
    }

    /// <summary>
    /// B[j][k][l] = b_l[j, k] for j &lt; n_l, else 0, for j &lt; n rounded up to a multiple of 4
    /// (spare lanes, count ≤ l &lt; W, are all zeros of length n): the lanes are copied one after the
    /// other into a staging matrix (one zero-padded row per lane), which is then transposed in W×W
    /// blocks. When the staging matrix already holds the same values bit for bit (a series against
    /// the same centres, call after call, on this thread), B is still valid and is kept. Also each
    /// lane's length and last column.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transpose(SoftDtwBatchWorkspace ws, IReadOnlyList<TimeSeries> bs, int first, int count, int n, int d)
    {
        var w = T.Count;
        var total = SoftDtwBatchWorkspace.StagedLength(n, d, w);
        var staging = ws.Writable(ws.Staging, w * total);
        if (ws.Staged != (n, d, count) || !Holds(ws, bs, first, count, staging, total))
        {
            ws.Staged = null;
            for (var l = 0; l < w; l++)
            {
                var row = staging.Slice(l * total, total);
                var length = n;
                if (l < count)
                {
                    var b = bs[first + l];
                    length = b.Length;
                    b.Values.AsSpan().CopyTo(row);
                    row[b.Values.Length..].Clear();
                }
                else
                {
                    row.Clear();
                }
                ws.Lengths[l] = length;
            }
            ref var source = ref ws.At(ws.Staging);
            ref var bt = ref ws.At(ws.B);
            for (var t = 0; t < total; t += w) T.TransposeSquare(ref Unsafe.Add(ref source, t), total, ref Unsafe.Add(ref bt, t * w));
            ws.Staged = (n, d, count);
        }
        ref var lastColumn = ref ws.At(ws.LastColumn);
        for (var l = 0; l < w; l++) Unsafe.Add(ref lastColumn, l) = ws.Lengths[l] - 1;
    }

    /// <summary>Whether every lane's staging row holds b_l's values bit for bit (the zero padding is then the same too).</summary>
    private static bool Holds(SoftDtwBatchWorkspace ws, IReadOnlyList<TimeSeries> bs, int first, int count, Span<double> staging, int total)
    {
        for (var l = 0; l < count; l++)
        {
            var values = bs[first + l].Values;
            if (ws.Lengths[l] * bs[first + l].Dimensions != values.Length) return false;
            var row = staging.Slice(l * total, values.Length);
            if (!MemoryMarshal.Cast<double, long>(row).SequenceEqual(MemoryMarshal.Cast<double, long>(values.AsSpan()))) return false;
        }
        return true;
    }

    /// <summary>
    /// K[i, j] = e^(−C[i, j]/γ) per lane (as mK·2^eK) with C as tslearn computes it, sklearn's
    /// squared euclidean_distances max((−2·a_i·b_j + |a_i|²) + |b_j|², 0); the dot products three
    /// rows by four columns at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FillKernel(SoftDtwBatchWorkspace ws, TimeSeries a, int n, double gamma)
    {
        var w = T.Count;
        var m = a.Length;
        var d = a.Dimensions;
        var columns = SoftDtwBatchWorkspace.Columns(n);
        var frame = d * w;
        ref var bt = ref ws.At(ws.B);
        ref var bNorms = ref ws.At(ws.BNorms);
        ref var aNorms = ref ws.At(ws.ANorms);
        ref var cost = ref ws.At(ws.KMantissa);
        ref var av = ref MemoryMarshal.GetArrayDataReference(a.Values);
        for (var j = 0; j < columns; j++)
        {
            ref var bj = ref Unsafe.Add(ref bt, j * frame);
            var sum = T.Zero;
            for (var k = 0; k < d; k++)
            {
                var v = T.Load(ref Unsafe.Add(ref bj, k * w));
                sum = T.MultiplyAdd(v, v, sum);
            }
            T.Store(sum, ref Unsafe.Add(ref bNorms, j * w));
        }
        for (var i = 0; i < m; i++) Unsafe.Add(ref aNorms, i) = Dot(a.Values.AsSpan(i * d, d));
        for (var j = 0; j < columns; j += 4)
        {
            ref var b0 = ref Unsafe.Add(ref bt, j * frame);
            ref var b1 = ref Unsafe.Add(ref b0, frame);
            ref var b2 = ref Unsafe.Add(ref b1, frame);
            ref var b3 = ref Unsafe.Add(ref b2, frame);
            var norms = new Norms(T.Load(ref Unsafe.Add(ref bNorms, j * w)), T.Load(ref Unsafe.Add(ref bNorms, (j + 1) * w)),
                T.Load(ref Unsafe.Add(ref bNorms, (j + 2) * w)), T.Load(ref Unsafe.Add(ref bNorms, (j + 3) * w)));
            var i = 0;
            for (; i + 3 <= m; i += 3)
            {
                ref var a0 = ref Unsafe.Add(ref av, i * d);
                ref var a1 = ref Unsafe.Add(ref a0, d);
                ref var a2 = ref Unsafe.Add(ref a1, d);
                T s00 = T.Zero, s01 = T.Zero, s02 = T.Zero, s03 = T.Zero;
                T s10 = T.Zero, s11 = T.Zero, s12 = T.Zero, s13 = T.Zero;
                T s20 = T.Zero, s21 = T.Zero, s22 = T.Zero, s23 = T.Zero;
                for (var k = 0; k < d; k++)
                {
                    var v0 = T.Load(ref Unsafe.Add(ref b0, k * w));
                    var v1 = T.Load(ref Unsafe.Add(ref b1, k * w));
                    var v2 = T.Load(ref Unsafe.Add(ref b2, k * w));
                    var v3 = T.Load(ref Unsafe.Add(ref b3, k * w));
                    var x = T.Create(Unsafe.Add(ref a0, k));
                    s00 = T.MultiplyAdd(x, v0, s00);
                    s01 = T.MultiplyAdd(x, v1, s01);
                    s02 = T.MultiplyAdd(x, v2, s02);
                    s03 = T.MultiplyAdd(x, v3, s03);
                    x = T.Create(Unsafe.Add(ref a1, k));
                    s10 = T.MultiplyAdd(x, v0, s10);
                    s11 = T.MultiplyAdd(x, v1, s11);
                    s12 = T.MultiplyAdd(x, v2, s12);
                    s13 = T.MultiplyAdd(x, v3, s13);
                    x = T.Create(Unsafe.Add(ref a2, k));
                    s20 = T.MultiplyAdd(x, v0, s20);
                    s21 = T.MultiplyAdd(x, v1, s21);
                    s22 = T.MultiplyAdd(x, v2, s22);
                    s23 = T.MultiplyAdd(x, v3, s23);
                }
                ref var c0 = ref Unsafe.Add(ref cost, (i * columns + j) * w);
                norms.Store(s00, s01, s02, s03, Unsafe.Add(ref aNorms, i), ref c0);
                norms.Store(s10, s11, s12, s13, Unsafe.Add(ref aNorms, i + 1), ref Unsafe.Add(ref c0, columns * w));
                norms.Store(s20, s21, s22, s23, Unsafe.Add(ref aNorms, i + 2), ref Unsafe.Add(ref c0, 2 * columns * w));
            }
            for (; i < m; i++)
            {
                ref var a0 = ref Unsafe.Add(ref av, i * d);
                T s00 = T.Zero, s01 = T.Zero, s02 = T.Zero, s03 = T.Zero;
                for (var k = 0; k < d; k++)
                {
                    var x = T.Create(Unsafe.Add(ref a0, k));
                    s00 = T.MultiplyAdd(x, T.Load(ref Unsafe.Add(ref b0, k * w)), s00);
                    s01 = T.MultiplyAdd(x, T.Load(ref Unsafe.Add(ref b1, k * w)), s01);
                    s02 = T.MultiplyAdd(x, T.Load(ref Unsafe.Add(ref b2, k * w)), s02);
                    s03 = T.MultiplyAdd(x, T.Load(ref Unsafe.Add(ref b3, k * w)), s03);
                }
                norms.Store(s00, s01, s02, s03, Unsafe.Add(ref aNorms, i), ref Unsafe.Add(ref cost, (i * columns + j) * w));
            }
        }
        ToKernel(ws, m * columns * w, gamma);
    }

    /// <summary>|b_j|² of four adjacent columns; C of cells (i, j..j+3) from their dot products.</summary>
    private readonly struct Norms(T b0, T b1, T b2, T b3)
    {
        private readonly T b0 = b0, b1 = b1, b2 = b2, b3 = b3;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(T dot0, T dot1, T dot2, T dot3, double aNorm, ref double destination)
        {
            var an = T.Create(aNorm);
            var minusTwo = T.Create(-2.0);
            var w = T.Count;
            T.Store(T.Max(T.MultiplyAdd(dot0, minusTwo, an) + b0, T.Zero), ref destination);
            T.Store(T.Max(T.MultiplyAdd(dot1, minusTwo, an) + b1, T.Zero), ref Unsafe.Add(ref destination, w));
            T.Store(T.Max(T.MultiplyAdd(dot2, minusTwo, an) + b2, T.Zero), ref Unsafe.Add(ref destination, 2 * w));
            T.Store(T.Max(T.MultiplyAdd(dot3, minusTwo, an) + b3, T.Zero), ref Unsafe.Add(ref destination, 3 * w));
        }
    }

    /// <summary>K = e^(−C/γ) = 2^(−C/(γ·ln 2)) as mK·2^eK, over the cost buffer in place (mK) and beside it (eK): independent cells, two vectors at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ToKernel(SoftDtwBatchWorkspace ws, int length, double gamma)
    {
        ref var mantissa = ref ws.At(ws.KMantissa);
        ref var exponent = ref ws.At(ws.KExponent);
        var scale = TPair.Create(-1.0 / (gamma * Ln2Hi + gamma * Ln2Lo));
        var lowest = TPair.Create(LowestPower);
        for (var c = 0; c < length; c += TPair.Count)
        {
            var m = LaneMath.PowerOfTwo(TPair.Max(TPair.Load(ref Unsafe.Add(ref mantissa, c)) * scale, lowest), out var e);
            TPair.Store(m, ref Unsafe.Add(ref mantissa, c));
            TPair.Store(e, ref Unsafe.Add(ref exponent, c));
        }
    }

    private static double Dot(ReadOnlySpan<double> x)
    {
        var xv = MemoryMarshal.Cast<double, Vector<double>>(x);
        var acc = Vector<double>.Zero;
        for (var v = 0; v < xv.Length; v++) acc += xv[v] * xv[v];
        var sum = Vector.Sum(acc);
        for (var k = xv.Length * Vector<double>.Count; k < x.Length; k++) sum += x[k] * x[k];
        return sum;
    }

    /// <summary>R = −γ·log P = −γ·(e·ln 2 + log m) at (m, n_l) for each lane.</summary>
    private static void Read(SoftDtwBatchWorkspace ws, int m, int n, int count, double gamma, Span<double> values)
    {
        ref var pm = ref ws.At(ws.PMantissa);
        ref var pe = ref ws.At(ws.PExponent);
        for (var l = 0; l < count; l++)
        {
            var cell = (m * (n + 1) + ws.Lengths[l]) * T.Count + l;
            var e = Unsafe.Add(ref pe, cell);
            values[l] = -gamma * Math.FusedMultiplyAdd(e, Ln2Hi, Math.FusedMultiplyAdd(e, Ln2Lo, Math.Log(Unsafe.Add(ref pm, cell))));
        }
    }

    /// <summary>
    /// P[i+1, j+1] = K[i, j]·(P[i, j+1] + P[i, j] + P[i+1, j]) on the padded grid (P[0, 0] = 1, the
    /// rest of row and column 0 zero), in strips of <see cref="StripRows"/> rows swept as a skewed
    /// wavefront: at step t, row h of the strip does column t − h. Those cells are independent, so
    /// the core overlaps their chains (each cell still sees exactly the same inputs). With
    /// <paramref name="keepWeights"/>, each cell also keeps its three soft-min weights (up, diagonal,
    /// left) for the backward pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Forward(SoftDtwBatchWorkspace ws, int m, int n, bool keepWeights)
    {
        var w = T.Count;
        var s = n + 1;
        ref var pm = ref ws.At(ws.PMantissa);
        ref var pe = ref ws.At(ws.PExponent);
        var zero = T.Create(ZeroExponent);
        T.Store(T.One, ref pm);
        T.Store(T.Zero, ref pe);
        for (var j = 1; j <= n; j++)
        {
            T.Store(T.One, ref Unsafe.Add(ref pm, j * w));
            T.Store(zero, ref Unsafe.Add(ref pe, j * w));
        }
        for (var i = 1; i <= m; i++)
        {
            T.Store(T.One, ref Unsafe.Add(ref pm, i * s * w));
            T.Store(zero, ref Unsafe.Add(ref pe, i * s * w));
        }
        var grid = new Grid(ws, s, SoftDtwBatchWorkspace.Columns(n));
        for (var top = 0; top < m; top += StripRows)
        {
            var rows = Math.Min(StripRows, m - top);
            for (var t = 0; t < n + rows - 1; t++)
            {
                // Row h of the strip does column t − h; two cells at a time, their chains interleaved.
                var h = Math.Max(0, t - n + 1);
                var hLast = Math.Min(rows - 1, t);
                for (; h < hLast; h += 2)
                {
                    if (keepWeights) grid.TwoCells<True>(top + h, t - h);
                    else grid.TwoCells<False>(top + h, t - h);
                }
                if (h == hLast)
                {
                    if (keepWeights) grid.OneCell<True>(top + h, t - h);
                    else grid.OneCell<False>(top + h, t - h);
                }
            }
        }
    }

    private interface IFlag
    {
        static abstract bool Value { get; }
    }

    private readonly struct True : IFlag
    {
        public static bool Value => true;
    }

    private readonly struct False : IFlag
    {
        public static bool Value => false;
    }

    /// <summary>The forward recursion's buffers, and its cell.</summary>
    private readonly ref struct Grid(SoftDtwBatchWorkspace ws, int stride, int columns)
    {
        private readonly ref double pm = ref ws.At(ws.PMantissa);
        private readonly ref double pe = ref ws.At(ws.PExponent);
        private readonly ref double km = ref ws.At(ws.KMantissa);
        private readonly ref double ke = ref ws.At(ws.KExponent);
        private readonly ref double up = ref ws.At(ws.Up);
        private readonly ref double left = ref ws.At(ws.Left);
        private readonly ref double diagonal = ref ws.At(ws.Diagonal);
        private readonly int stride = stride;
        private readonly int columns = columns;

        /// <summary>Cells (i, j) and (i + 1, j − 1), which do not depend on each other (a call of its own: the JIT's inlining budget).</summary>
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        public void TwoCells<TWeights>(int i, int j) where TWeights : struct, IFlag
        {
            var w = T.Count;
            var above0 = i * stride + j; // cell (i, j) of the padded grid holds P[i, j]
            var above1 = above0 + stride - 1;
            var k0 = (i * columns + j) * w;
            var k1 = k0 + (columns - 1) * w;
            var mantissa = Step<TPair, TWeights>(
                TPair.Join(T.Load(ref Unsafe.Add(ref pm, (above0 + 1) * w)), T.Load(ref Unsafe.Add(ref pm, (above1 + 1) * w))),
                TPair.Join(T.Load(ref Unsafe.Add(ref pe, (above0 + 1) * w)), T.Load(ref Unsafe.Add(ref pe, (above1 + 1) * w))),
                TPair.Join(T.Load(ref Unsafe.Add(ref pm, above0 * w)), T.Load(ref Unsafe.Add(ref pm, above1 * w))),
                TPair.Join(T.Load(ref Unsafe.Add(ref pe, above0 * w)), T.Load(ref Unsafe.Add(ref pe, above1 * w))),
                TPair.Join(T.Load(ref Unsafe.Add(ref pm, (above0 + stride) * w)), T.Load(ref Unsafe.Add(ref pm, (above1 + stride) * w))),
                TPair.Join(T.Load(ref Unsafe.Add(ref pe, (above0 + stride) * w)), T.Load(ref Unsafe.Add(ref pe, (above1 + stride) * w))),
                TPair.Join(T.Load(ref Unsafe.Add(ref km, k0)), T.Load(ref Unsafe.Add(ref km, k1))),
                TPair.Join(T.Load(ref Unsafe.Add(ref ke, k0)), T.Load(ref Unsafe.Add(ref ke, k1))),
                out var exponent, out var wUp, out var wDiagonal, out var wLeft);
            T.Store(TPair.First(mantissa), ref Unsafe.Add(ref pm, (above0 + stride + 1) * w));
            T.Store(TPair.Second(mantissa), ref Unsafe.Add(ref pm, (above1 + stride + 1) * w));
            T.Store(TPair.First(exponent), ref Unsafe.Add(ref pe, (above0 + stride + 1) * w));
            T.Store(TPair.Second(exponent), ref Unsafe.Add(ref pe, (above1 + stride + 1) * w));
            if (!TWeights.Value) return;
            T.Store(TPair.First(wUp), ref Unsafe.Add(ref up, above0 * w));
            T.Store(TPair.Second(wUp), ref Unsafe.Add(ref up, above1 * w));
            T.Store(TPair.First(wDiagonal), ref Unsafe.Add(ref diagonal, above0 * w));
            T.Store(TPair.Second(wDiagonal), ref Unsafe.Add(ref diagonal, above1 * w));
            T.Store(TPair.First(wLeft), ref Unsafe.Add(ref left, above0 * w));
            T.Store(TPair.Second(wLeft), ref Unsafe.Add(ref left, above1 * w));
        }

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        public void OneCell<TWeights>(int i, int j) where TWeights : struct, IFlag
        {
            var w = T.Count;
            var above = i * stride + j;
            var k = (i * columns + j) * w;
            var mantissa = Step<T, TWeights>(
                T.Load(ref Unsafe.Add(ref pm, (above + 1) * w)), T.Load(ref Unsafe.Add(ref pe, (above + 1) * w)),
                T.Load(ref Unsafe.Add(ref pm, above * w)), T.Load(ref Unsafe.Add(ref pe, above * w)),
                T.Load(ref Unsafe.Add(ref pm, (above + stride) * w)), T.Load(ref Unsafe.Add(ref pe, (above + stride) * w)),
                T.Load(ref Unsafe.Add(ref km, k)), T.Load(ref Unsafe.Add(ref ke, k)),
                out var exponent, out var wUp, out var wDiagonal, out var wLeft);
            T.Store(mantissa, ref Unsafe.Add(ref pm, (above + stride + 1) * w));
            T.Store(exponent, ref Unsafe.Add(ref pe, (above + stride + 1) * w));
            if (!TWeights.Value) return;
            T.Store(wUp, ref Unsafe.Add(ref up, above * w));
            T.Store(wDiagonal, ref Unsafe.Add(ref diagonal, above * w));
            T.Store(wLeft, ref Unsafe.Add(ref left, above * w));
        }
    }

    /// <summary>
    /// One cell: P = K·(P↑ + P↖ + P←) with every P as mantissa·2^exponent. The three terms are
    /// rescaled exactly to the largest exponent (the largest term keeps its mantissa, in [1, 2);
    /// one below 2^-1000 of it stays at that: it cannot reach the sum's last bit), summed in
    /// tslearn's order (up, diagonal, left), multiplied by K and renormalised. With
    /// <typeparamref name="TWeights"/>, the soft-min weights: each term over the sum.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V Step<V, TWeights>(V mUp, V eUp, V mDiagonal, V eDiagonal, V mLeft, V eLeft, V mK, V eK,
        out V exponent, out V wUp, out V wDiagonal, out V wLeft)
        where V : struct, ILaneVector<V>
        where TWeights : struct, IFlag
    {
        var high = V.Max(V.Max(eUp, eDiagonal), eLeft);
        var lowest = V.Create(LowestScale);
        var up = V.ScaleByPowerOfTwo(mUp, V.Max(eUp - high, lowest));
        var diagonal = V.ScaleByPowerOfTwo(mDiagonal, V.Max(eDiagonal - high, lowest));
        var left = V.ScaleByPowerOfTwo(mLeft, V.Max(eLeft - high, lowest));
        var sum = up + diagonal + left; // in [1, 6)
        var product = sum * mK; // in [0.7, 8.5): normal
        exponent = (high + eK) + V.Exponent(product);
        if (TWeights.Value)
        {
            var inverse = V.Reciprocal(sum);
            wUp = up * inverse;
            wDiagonal = diagonal * inverse;
            wLeft = left * inverse;
        }
        else
        {
            wUp = wDiagonal = wLeft = default;
        }
        return V.Mantissa(product);
    }

    /// <summary>
    /// E[i,j] = E[i+1,j]·w↑(i+1,j) + E[i,j+1]·w←(i,j+1) + E[i+1,j+1]·w↖(i+1,j+1) (in
    /// <see cref="SoftDtw"/>'s order), E[m−1, n_l−1] = 1 per lane; the last row and column of the
    /// padded grid are zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Backward(SoftDtwBatchWorkspace ws, int m, int n)
    {
        var w = T.Count;
        var s = n + 1;
        ref var e = ref ws.At(ws.E);
        ref var up = ref ws.At(ws.Up);
        ref var left = ref ws.At(ws.Left);
        ref var diagonal = ref ws.At(ws.Diagonal);
        for (var j = 0; j <= n; j++)
        {
            var cell = (m * s + j) * w;
            T.Store(T.Zero, ref Unsafe.Add(ref e, cell));
            T.Store(T.Zero, ref Unsafe.Add(ref up, cell));
            T.Store(T.Zero, ref Unsafe.Add(ref left, cell));
            T.Store(T.Zero, ref Unsafe.Add(ref diagonal, cell));
        }
        for (var i = 0; i < m; i++)
        {
            var cell = (i * s + n) * w;
            T.Store(T.Zero, ref Unsafe.Add(ref e, cell));
            T.Store(T.Zero, ref Unsafe.Add(ref up, cell));
            T.Store(T.Zero, ref Unsafe.Add(ref left, cell));
            T.Store(T.Zero, ref Unsafe.Add(ref diagonal, cell));
        }
        var lastColumn = T.Load(ref ws.At(ws.LastColumn));
        for (var i = m - 1; i >= 0; i--)
        {
            var here = i * s;
            var below = here + s;
            for (var j = n - 1; j >= 0; j--)
            {
                var value = T.Load(ref Unsafe.Add(ref e, (below + j) * w)) * T.Load(ref Unsafe.Add(ref up, (below + j) * w))
                    + T.Load(ref Unsafe.Add(ref e, (here + j + 1) * w)) * T.Load(ref Unsafe.Add(ref left, (here + j + 1) * w))
                    + T.Load(ref Unsafe.Add(ref e, (below + j + 1) * w)) * T.Load(ref Unsafe.Add(ref diagonal, (below + j + 1) * w));
                if (i == m - 1) value += T.SelectEqual(T.Create(j), lastColumn, T.One, T.Zero);
                T.Store(value, ref Unsafe.Add(ref e, (here + j) * w));
            }
        }
    }

    /// <summary>S[i] = Σ_j E[i, j] per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowSums(SoftDtwBatchWorkspace ws, int m, int n)
    {
        var w = T.Count;
        var s = n + 1;
        ref var e = ref ws.At(ws.E);
        ref var sums = ref ws.At(ws.RowSums);
        for (var i = 0; i < m; i++)
        {
            var sum = T.Zero;
            for (var j = 0; j < n; j++) sum += T.Load(ref Unsafe.Add(ref e, (i * s + j) * w));
            T.Store(sum, ref Unsafe.Add(ref sums, i * w));
        }
    }

    /// <summary>
    /// ∂/∂a_i of lane l: Σ_j E[i,j]·2(a_i − y_j) = 2·(a_i·S_i − Σ_j E[i,j]·y_j), the sum over j a small
    /// matrix product (one fused multiply-add per (i, j, feature)), four rows by two feature vectors
    /// at a time. An odd tail of rows is computed again (identically) rather than separately.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gradient(SoftDtwBatchWorkspace ws, int lane, double[] x, int m, double[] y, int n, int stride, int d, Span<double> gradient)
    {
        var w = T.Count;
        var wide = d / w * w;
        ref var e = ref Unsafe.Add(ref ws.At(ws.E), lane);
        ref var sums = ref Unsafe.Add(ref ws.At(ws.RowSums), lane);
        ref var xv = ref MemoryMarshal.GetArrayDataReference(x);
        ref var yv = ref MemoryMarshal.GetArrayDataReference(y);
        ref var gv = ref MemoryMarshal.GetReference(gradient);
        var two = T.Create(2.0);
        for (var i0 = 0; i0 < m; i0 += 4)
        {
            var i1 = Math.Min(i0 + 1, m - 1);
            var i2 = Math.Min(i0 + 2, m - 1);
            var i3 = Math.Min(i0 + 3, m - 1);
            ref var e0 = ref Unsafe.Add(ref e, i0 * stride * w);
            ref var e1 = ref Unsafe.Add(ref e, i1 * stride * w);
            ref var e2 = ref Unsafe.Add(ref e, i2 * stride * w);
            ref var e3 = ref Unsafe.Add(ref e, i3 * stride * w);
            var k = 0;
            for (; k + 2 * w <= wide; k += 2 * w)
            {
                T s00 = T.Zero, s01 = T.Zero, s10 = T.Zero, s11 = T.Zero, s20 = T.Zero, s21 = T.Zero, s30 = T.Zero, s31 = T.Zero;
                for (var j = 0; j < n; j++)
                {
                    var y0 = T.Load(ref Unsafe.Add(ref yv, j * d + k));
                    var y1 = T.Load(ref Unsafe.Add(ref yv, j * d + k + w));
                    var weight = T.Create(Unsafe.Add(ref e0, j * w));
                    s00 = T.MultiplyAdd(weight, y0, s00);
                    s01 = T.MultiplyAdd(weight, y1, s01);
                    weight = T.Create(Unsafe.Add(ref e1, j * w));
                    s10 = T.MultiplyAdd(weight, y0, s10);
                    s11 = T.MultiplyAdd(weight, y1, s11);
                    weight = T.Create(Unsafe.Add(ref e2, j * w));
                    s20 = T.MultiplyAdd(weight, y0, s20);
                    s21 = T.MultiplyAdd(weight, y1, s21);
                    weight = T.Create(Unsafe.Add(ref e3, j * w));
                    s30 = T.MultiplyAdd(weight, y0, s30);
                    s31 = T.MultiplyAdd(weight, y1, s31);
                }
                StoreGradient(s00, i0, k, ref xv, ref sums, ref gv, d, w, two);
                StoreGradient(s01, i0, k + w, ref xv, ref sums, ref gv, d, w, two);
                StoreGradient(s10, i1, k, ref xv, ref sums, ref gv, d, w, two);
                StoreGradient(s11, i1, k + w, ref xv, ref sums, ref gv, d, w, two);
                StoreGradient(s20, i2, k, ref xv, ref sums, ref gv, d, w, two);
                StoreGradient(s21, i2, k + w, ref xv, ref sums, ref gv, d, w, two);
                StoreGradient(s30, i3, k, ref xv, ref sums, ref gv, d, w, two);
                StoreGradient(s31, i3, k + w, ref xv, ref sums, ref gv, d, w, two);
            }
            for (; k < wide; k += w)
            {
                T s00 = T.Zero, s10 = T.Zero, s20 = T.Zero, s30 = T.Zero;
                for (var j = 0; j < n; j++)
                {
                    var y0 = T.Load(ref Unsafe.Add(ref yv, j * d + k));
                    s00 = T.MultiplyAdd(T.Create(Unsafe.Add(ref e0, j * w)), y0, s00);
                    s10 = T.MultiplyAdd(T.Create(Unsafe.Add(ref e1, j * w)), y0, s10);
                    s20 = T.MultiplyAdd(T.Create(Unsafe.Add(ref e2, j * w)), y0, s20);
                    s30 = T.MultiplyAdd(T.Create(Unsafe.Add(ref e3, j * w)), y0, s30);
                }
                StoreGradient(s00, i0, k, ref xv, ref sums, ref gv, d, w, two);
                StoreGradient(s10, i1, k, ref xv, ref sums, ref gv, d, w, two);
                StoreGradient(s20, i2, k, ref xv, ref sums, ref gv, d, w, two);
                StoreGradient(s30, i3, k, ref xv, ref sums, ref gv, d, w, two);
            }
            for (; k < d; k++)
            {
                foreach (var i in (ReadOnlySpan<int>)[i0, i1, i2, i3])
                {
                    ref var ei = ref Unsafe.Add(ref e, i * stride * w);
                    var sum = 0.0;
                    for (var j = 0; j < n; j++) sum = Math.FusedMultiplyAdd(Unsafe.Add(ref ei, j * w), Unsafe.Add(ref yv, j * d + k), sum);
                    Unsafe.Add(ref gv, i * d + k) = 2.0 * Math.FusedMultiplyAdd(Unsafe.Add(ref xv, i * d + k), Unsafe.Add(ref sums, i * w), -sum);
                }
            }
        }
    }

    /// <summary>g[i, k..k+W) = 2·(x[i, k..k+W)·S_i − Σ_j E[i,j]·y[j, k..k+W)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreGradient(T weighted, int i, int k, ref double x, ref double sums, ref double gradient, int d, int w, T two) =>
        T.Store(two * T.MultiplyAdd(T.Load(ref Unsafe.Add(ref x, i * d + k)), T.Create(Unsafe.Add(ref sums, i * w)), T.Zero - weighted), ref Unsafe.Add(ref gradient, i * d + k));
}

/// <summary>
/// The per-thread, per-width buffers of <see cref="SoftDtwBatchKernel{T, TPair}"/>: one pinned array,
/// each region starting on a 64-byte boundary (so full-width loads never straddle cache lines),
/// grown on demand and never shrunk: once a thread has seen its largest batch, nothing is allocated.
/// </summary>
internal sealed class SoftDtwBatchWorkspace
{
    private double[] storage = [];
    private int origin; // the first 64-byte-aligned element of storage

    public readonly int[] Lengths = new int[SoftDtwBatch.Lanes];

    // Region offsets (in doubles, from origin) for the current batch.
    public int Staging;
    public int B;
    public int BNorms;
    public int ANorms;
    public int KMantissa;
    public int KExponent;
    public int PMantissa;
    public int PExponent;
    public int Up;
    public int Left;
    public int Diagonal;
    public int E;
    public int RowSums;
    public int LastColumn;

    /// <summary>n rounded up to a multiple of 4: the cost kernel does four columns at a time (the extra ones are zero frames).</summary>
    public static int Columns(int n) => (n + 3) & ~3;

    /// <summary>The values of one lane in the staging matrix: the even column count times d, rounded up to whole W×W blocks.</summary>
    public static int StagedLength(int n, int d, int w) => (Columns(n) * d + w - 1) / w * w;

    /// <summary>The shape (n, d, count) of the lanes held in Staging and B, or null once they may be stale.</summary>
    public (int N, int D, int Count)? Staged;

    public static SoftDtwBatchWorkspace Ensure(ref SoftDtwBatchWorkspace? current, int m, int n, int d, int w)
    {
        var ws = current ??= new SoftDtwBatchWorkspace();
        var columns = Columns(n);
        var staged = StagedLength(n, d, w);
        var cells = (m + 1) * (n + 1) * w;
        var size = 0;
        ws.Staging = Take(ref size, w * staged);
        ws.B = Take(ref size, staged * w);
        ws.BNorms = Take(ref size, columns * w);
        ws.ANorms = Take(ref size, m);
        ws.KMantissa = Take(ref size, m * columns * w); // columns is a multiple of 4: a whole number of pairs
        ws.KExponent = Take(ref size, m * columns * w);
        ws.PMantissa = Take(ref size, cells);
        ws.PExponent = Take(ref size, cells);
        ws.Up = Take(ref size, cells);
        ws.Left = Take(ref size, cells);
        ws.Diagonal = Take(ref size, cells);
        ws.E = ws.PMantissa; // P is read (Read) before the backward pass writes E
        ws.RowSums = Take(ref size, m * w);
        ws.LastColumn = Take(ref size, w);
        if (ws.storage.Length < size + 8)
        {
            ws.storage = GC.AllocateUninitializedArray<double>(Math.Max(size + 8, ws.storage.Length + ws.storage.Length / 4), pinned: true);
            var address = Marshal.UnsafeAddrOfPinnedArrayElement(ws.storage, 0);
            ws.origin = (int)((64 - address % 64) % 64) / sizeof(double);
            ws.Staged = null;
        }
        return ws;
    }

    private static int Take(ref int size, int length)
    {
        var offset = size;
        size += (length + 7) & ~7;
        return offset;
    }

    public ref double At(int offset) => ref storage[origin + offset];

    public Span<double> Writable(int offset, int length) => storage.AsSpan(origin + offset, length);
}
