using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AgCc.Core.Gestures;

/// <summary>
/// A SIMD vector of doubles of a width fixed per type (<see cref="Lane4"/>, <see cref="Lane8"/>,
/// and the pairs <see cref="Lane4x2"/>, <see cref="Lane8x2"/>), so the soft-DTW
/// kernels are written once, generic over the width, and the JIT specialises each use (the
/// wrappers compile to bare vector instructions). Every operation is lane-wise and either exact or
/// IEEE-rounded, so a lane's result does not depend on the width that computed it.
/// </summary>
internal interface ILaneVector<TSelf> where TSelf : struct, ILaneVector<TSelf>
{
    static abstract int Count { get; }

    static abstract TSelf Zero { get; }

    static abstract TSelf One { get; }

    static abstract TSelf Create(double value);

    static abstract TSelf Load(ref double source);

    static abstract void Store(TSelf value, ref double destination);

    static abstract TSelf operator +(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf left, TSelf right);

    static abstract TSelf operator *(TSelf left, TSelf right);

    /// <summary>a·b + c rounded once.</summary>
    static abstract TSelf MultiplyAdd(TSelf a, TSelf b, TSelf c);

    /// <summary>Lane-wise maximum (the callers never pass NaN).</summary>
    static abstract TSelf Max(TSelf left, TSelf right);

    /// <summary>x == y ? ifEqual : otherwise, per lane.</summary>
    static abstract TSelf SelectEqual(TSelf x, TSelf y, TSelf ifEqual, TSelf otherwise);

    /// <summary>1/x within ~1 ulp, for normal positive x (cheaper than a division where the hardware allows).</summary>
    static abstract TSelf Reciprocal(TSelf x);

    /// <summary>x·2^e, exact, for normal positive x in [2^-4, 2^4) and integral e in [−1000, 0].</summary>
    static abstract TSelf ScaleByPowerOfTwo(TSelf x, TSelf e);

    /// <summary>floor(log2 x) as a double, exact, for normal positive x.</summary>
    static abstract TSelf Exponent(TSelf x);

    /// <summary>x / 2^floor(log2 x), in [1, 2), exact, for normal positive x.</summary>
    static abstract TSelf Mantissa(TSelf x);

    /// <summary>
    /// destination[t·Count + l] = source[l·stride + t] for t, l &lt; Count: Count rows of Count
    /// values become Count vectors of one value per row.
    /// </summary>
    static abstract void TransposeSquare(ref double source, int stride, ref double destination);
}

/// <summary>
/// A vector type that is two <typeparamref name="THalf"/> side by side (2·THalf.Count lanes): code
/// written for one vector then runs two independent dependency chains interleaved instruction by
/// instruction, which is how the recursion keeps the core busy across its latency chains.
/// </summary>
internal interface ILanePair<TSelf, THalf> : ILaneVector<TSelf>
    where TSelf : struct, ILanePair<TSelf, THalf>
    where THalf : struct, ILaneVector<THalf>
{
    static abstract TSelf Join(THalf first, THalf second);

    static abstract THalf First(TSelf value);

    static abstract THalf Second(TSelf value);
}

/// <summary>Four lanes (Vector256: AVX2 + FMA; AVX-512VL's rcp14, vscalefpd, vgetexppd and vgetmantpd where present).</summary>
internal readonly struct Lane4(Vector256<double> value) : ILaneVector<Lane4>
{
    public readonly Vector256<double> Value = value;

    public static int Count => 4;

    public static Lane4 Zero => new(Vector256<double>.Zero);

    public static Lane4 One => new(Vector256<double>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4 Create(double value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4 Load(ref double source) => new(Vector256.LoadUnsafe(ref source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lane4 value, ref double destination) => value.Value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4 operator +(Lane4 left, Lane4 right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4 operator -(Lane4 left, Lane4 right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4 operator *(Lane4 left, Lane4 right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4 MultiplyAdd(Lane4 a, Lane4 b, Lane4 c) => new(Vector256.FusedMultiplyAdd(a.Value, b.Value, c.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4 Max(Lane4 left, Lane4 right) => new(Vector256.MaxNative(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4 SelectEqual(Lane4 x, Lane4 y, Lane4 ifEqual, Lane4 otherwise) =>
        new(Vector256.ConditionalSelect(Vector256.Equals(x.Value, y.Value), ifEqual.Value, otherwise.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4 Reciprocal(Lane4 x) => new(Avx512F.VL.IsSupported ? LaneBits.Newton(x.Value, Avx512F.VL.Reciprocal14(x.Value)) : Vector256<double>.One / x.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4 ScaleByPowerOfTwo(Lane4 x, Lane4 e) => new(Avx512F.VL.IsSupported ? Avx512F.VL.Scale(x.Value, e.Value) : LaneBits.ScaleByPowerOfTwo(x.Value, e.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4 Exponent(Lane4 x) => new(Avx512F.VL.IsSupported ? Avx512F.VL.GetExponent(x.Value) : LaneBits.Exponent(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4 Mantissa(Lane4 x) => new(Avx512F.VL.IsSupported ? Avx512F.VL.GetMantissa(x.Value, 0) : LaneBits.Mantissa(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void TransposeSquare(ref double source, int stride, ref double destination)
    {
        if (!Avx.IsSupported)
        {
            LaneBits.TransposeSquare(ref source, stride, ref destination, Count);
            return;
        }
        var r0 = Vector256.LoadUnsafe(ref source);
        var r1 = Vector256.LoadUnsafe(ref Unsafe.Add(ref source, stride));
        var r2 = Vector256.LoadUnsafe(ref Unsafe.Add(ref source, 2 * stride));
        var r3 = Vector256.LoadUnsafe(ref Unsafe.Add(ref source, 3 * stride));
        var t0 = Avx.UnpackLow(r0, r1); // r0[0] r1[0] r0[2] r1[2]
        var t1 = Avx.UnpackHigh(r0, r1); // r0[1] r1[1] r0[3] r1[3]
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        Avx.Permute2x128(t0, t2, 0x20).StoreUnsafe(ref destination);
        Avx.Permute2x128(t1, t3, 0x20).StoreUnsafe(ref Unsafe.Add(ref destination, 4));
        Avx.Permute2x128(t0, t2, 0x31).StoreUnsafe(ref Unsafe.Add(ref destination, 8));
        Avx.Permute2x128(t1, t3, 0x31).StoreUnsafe(ref Unsafe.Add(ref destination, 12));
    }
}

/// <summary>Eight lanes (Vector512; only used where Vector512.IsHardwareAccelerated, which implies AVX-512F).</summary>
internal readonly struct Lane8(Vector512<double> value) : ILaneVector<Lane8>
{
    public readonly Vector512<double> Value = value;

    public static int Count => 8;

    public static Lane8 Zero => new(Vector512<double>.Zero);

    public static Lane8 One => new(Vector512<double>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8 Create(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8 Load(ref double source) => new(Vector512.LoadUnsafe(ref source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lane8 value, ref double destination) => value.Value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8 operator +(Lane8 left, Lane8 right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8 operator -(Lane8 left, Lane8 right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8 operator *(Lane8 left, Lane8 right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8 MultiplyAdd(Lane8 a, Lane8 b, Lane8 c) => new(Vector512.FusedMultiplyAdd(a.Value, b.Value, c.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8 Max(Lane8 left, Lane8 right) => new(Vector512.MaxNative(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8 SelectEqual(Lane8 x, Lane8 y, Lane8 ifEqual, Lane8 otherwise) =>
        new(Vector512.ConditionalSelect(Vector512.Equals(x.Value, y.Value), ifEqual.Value, otherwise.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8 Reciprocal(Lane8 x) => new(LaneBits.Newton(x.Value, Avx512F.Reciprocal14(x.Value)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8 ScaleByPowerOfTwo(Lane8 x, Lane8 e) => new(Avx512F.Scale(x.Value, e.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8 Exponent(Lane8 x) => new(Avx512F.GetExponent(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8 Mantissa(Lane8 x) => new(Avx512F.GetMantissa(x.Value, 0));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void TransposeSquare(ref double source, int stride, ref double destination)
    {
        // Pairs of rows interleaved, then 2×2 blocks of those, then 4×4 blocks: 24 shuffles.
        var r0 = Vector512.LoadUnsafe(ref source);
        var r1 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, stride));
        var r2 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 2 * stride));
        var r3 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 3 * stride));
        var r4 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 4 * stride));
        var r5 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 5 * stride));
        var r6 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 6 * stride));
        var r7 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 7 * stride));
        var t0 = Avx512F.UnpackLow(r0, r1); // r0[0] r1[0] r0[2] r1[2] r0[4] r1[4] r0[6] r1[6]
        var t1 = Avx512F.UnpackHigh(r0, r1); // the odd columns
        var t2 = Avx512F.UnpackLow(r2, r3);
        var t3 = Avx512F.UnpackHigh(r2, r3);
        var t4 = Avx512F.UnpackLow(r4, r5);
        var t5 = Avx512F.UnpackHigh(r4, r5);
        var t6 = Avx512F.UnpackLow(r6, r7);
        var t7 = Avx512F.UnpackHigh(r6, r7);
        var even = Vector512.Create(0L, 1, 8, 9, 4, 5, 12, 13);
        var odd = Vector512.Create(2L, 3, 10, 11, 6, 7, 14, 15);
        var u0 = Avx512F.PermuteVar8x64x2(t0, even, t2); // rows 0–3 of columns 0 and 4
        var u2 = Avx512F.PermuteVar8x64x2(t0, odd, t2); // columns 2 and 6
        var u1 = Avx512F.PermuteVar8x64x2(t1, even, t3); // columns 1 and 5
        var u3 = Avx512F.PermuteVar8x64x2(t1, odd, t3); // columns 3 and 7
        var u4 = Avx512F.PermuteVar8x64x2(t4, even, t6); // rows 4–7
        var u6 = Avx512F.PermuteVar8x64x2(t4, odd, t6);
        var u5 = Avx512F.PermuteVar8x64x2(t5, even, t7);
        var u7 = Avx512F.PermuteVar8x64x2(t5, odd, t7);
        Avx512F.Shuffle4x128(u0, u4, 0x44).StoreUnsafe(ref destination);
        Avx512F.Shuffle4x128(u1, u5, 0x44).StoreUnsafe(ref Unsafe.Add(ref destination, 8));
        Avx512F.Shuffle4x128(u2, u6, 0x44).StoreUnsafe(ref Unsafe.Add(ref destination, 16));
        Avx512F.Shuffle4x128(u3, u7, 0x44).StoreUnsafe(ref Unsafe.Add(ref destination, 24));
        Avx512F.Shuffle4x128(u0, u4, 0xEE).StoreUnsafe(ref Unsafe.Add(ref destination, 32));
        Avx512F.Shuffle4x128(u1, u5, 0xEE).StoreUnsafe(ref Unsafe.Add(ref destination, 40));
        Avx512F.Shuffle4x128(u2, u6, 0xEE).StoreUnsafe(ref Unsafe.Add(ref destination, 48));
        Avx512F.Shuffle4x128(u3, u7, 0xEE).StoreUnsafe(ref Unsafe.Add(ref destination, 56));
    }
}

/// <summary>Two <see cref="Lane4"/>s (see <see cref="ILanePair{TSelf, THalf}"/>).</summary>
internal readonly struct Lane4x2(Lane4 first, Lane4 second) : ILanePair<Lane4x2, Lane4>
{
    public readonly Lane4 A = first;
    public readonly Lane4 B = second;

    public static int Count => 8;

    public static Lane4x2 Zero => new(Lane4.Zero, Lane4.Zero);

    public static Lane4x2 One => new(Lane4.One, Lane4.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4x2 Join(Lane4 first, Lane4 second) => new(first, second);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4 First(Lane4x2 value) => value.A;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4 Second(Lane4x2 value) => value.B;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4x2 Create(double value)
    {
        var v = Lane4.Create(value);
        return new(v, v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4x2 Load(ref double source) => new(Lane4.Load(ref source), Lane4.Load(ref Unsafe.Add(ref source, Lane4.Count)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lane4x2 value, ref double destination)
    {
        Lane4.Store(value.A, ref destination);
        Lane4.Store(value.B, ref Unsafe.Add(ref destination, Lane4.Count));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4x2 operator +(Lane4x2 left, Lane4x2 right) => new(left.A + right.A, left.B + right.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4x2 operator -(Lane4x2 left, Lane4x2 right) => new(left.A - right.A, left.B - right.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4x2 operator *(Lane4x2 left, Lane4x2 right) => new(left.A * right.A, left.B * right.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4x2 MultiplyAdd(Lane4x2 a, Lane4x2 b, Lane4x2 c) => new(Lane4.MultiplyAdd(a.A, b.A, c.A), Lane4.MultiplyAdd(a.B, b.B, c.B));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4x2 Max(Lane4x2 left, Lane4x2 right) => new(Lane4.Max(left.A, right.A), Lane4.Max(left.B, right.B));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4x2 SelectEqual(Lane4x2 x, Lane4x2 y, Lane4x2 ifEqual, Lane4x2 otherwise) =>
        new(Lane4.SelectEqual(x.A, y.A, ifEqual.A, otherwise.A), Lane4.SelectEqual(x.B, y.B, ifEqual.B, otherwise.B));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4x2 Reciprocal(Lane4x2 x) => new(Lane4.Reciprocal(x.A), Lane4.Reciprocal(x.B));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4x2 ScaleByPowerOfTwo(Lane4x2 x, Lane4x2 e) => new(Lane4.ScaleByPowerOfTwo(x.A, e.A), Lane4.ScaleByPowerOfTwo(x.B, e.B));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4x2 Exponent(Lane4x2 x) => new(Lane4.Exponent(x.A), Lane4.Exponent(x.B));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane4x2 Mantissa(Lane4x2 x) => new(Lane4.Mantissa(x.A), Lane4.Mantissa(x.B));

    public static void TransposeSquare(ref double source, int stride, ref double destination) =>
        LaneBits.TransposeSquare(ref source, stride, ref destination, Count);
}

/// <summary>Two <see cref="Lane8"/>s (see <see cref="ILanePair{TSelf, THalf}"/>).</summary>
internal readonly struct Lane8x2(Lane8 first, Lane8 second) : ILanePair<Lane8x2, Lane8>
{
    public readonly Lane8 A = first;
    public readonly Lane8 B = second;

    public static int Count => 16;

    public static Lane8x2 Zero => new(Lane8.Zero, Lane8.Zero);

    public static Lane8x2 One => new(Lane8.One, Lane8.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8x2 Join(Lane8 first, Lane8 second) => new(first, second);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8 First(Lane8x2 value) => value.A;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8 Second(Lane8x2 value) => value.B;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8x2 Create(double value)
    {
        var v = Lane8.Create(value);
        return new(v, v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8x2 Load(ref double source) => new(Lane8.Load(ref source), Lane8.Load(ref Unsafe.Add(ref source, Lane8.Count)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lane8x2 value, ref double destination)
    {
        Lane8.Store(value.A, ref destination);
        Lane8.Store(value.B, ref Unsafe.Add(ref destination, Lane8.Count));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8x2 operator +(Lane8x2 left, Lane8x2 right) => new(left.A + right.A, left.B + right.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8x2 operator -(Lane8x2 left, Lane8x2 right) => new(left.A - right.A, left.B - right.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8x2 operator *(Lane8x2 left, Lane8x2 right) => new(left.A * right.A, left.B * right.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8x2 MultiplyAdd(Lane8x2 a, Lane8x2 b, Lane8x2 c) => new(Lane8.MultiplyAdd(a.A, b.A, c.A), Lane8.MultiplyAdd(a.B, b.B, c.B));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8x2 Max(Lane8x2 left, Lane8x2 right) => new(Lane8.Max(left.A, right.A), Lane8.Max(left.B, right.B));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8x2 SelectEqual(Lane8x2 x, Lane8x2 y, Lane8x2 ifEqual, Lane8x2 otherwise) =>
        new(Lane8.SelectEqual(x.A, y.A, ifEqual.A, otherwise.A), Lane8.SelectEqual(x.B, y.B, ifEqual.B, otherwise.B));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8x2 Reciprocal(Lane8x2 x) => new(Lane8.Reciprocal(x.A), Lane8.Reciprocal(x.B));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8x2 ScaleByPowerOfTwo(Lane8x2 x, Lane8x2 e) => new(Lane8.ScaleByPowerOfTwo(x.A, e.A), Lane8.ScaleByPowerOfTwo(x.B, e.B));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8x2 Exponent(Lane8x2 x) => new(Lane8.Exponent(x.A), Lane8.Exponent(x.B));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane8x2 Mantissa(Lane8x2 x) => new(Lane8.Mantissa(x.A), Lane8.Mantissa(x.B));

    public static void TransposeSquare(ref double source, int stride, ref double destination) =>
        LaneBits.TransposeSquare(ref source, stride, ref destination, Count);
}

/// <summary>Helpers of the lane structs: the bit-level forms of their operations, for hardware without AVX-512.</summary>
internal static class LaneBits
{
    private const long MantissaMask = 0x000F_FFFF_FFFF_FFFF;
    private const long OneBits = 0x3FF0_0000_0000_0000; // 1.0
    private const long TwoPower52Bits = 0x4330_0000_0000_0000; // 2^52
    private const double RoundingMagic = 6755399441055744.0; // 1.5·2^52

    /// <summary>Two Newton steps from a 14-bit reciprocal estimate y of 1/x: 2^-14 → 2^-28 → ~2^-53 (within an ulp).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Newton(Vector256<double> x, Vector256<double> y)
    {
        var e = Vector256.FusedMultiplyAdd(-x, y, Vector256<double>.One);
        y = Vector256.FusedMultiplyAdd(y, e, y);
        e = Vector256.FusedMultiplyAdd(-x, y, Vector256<double>.One);
        return Vector256.FusedMultiplyAdd(y, e, y);
    }

    /// <inheritdoc cref="Newton(Vector256{double}, Vector256{double})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Newton(Vector512<double> x, Vector512<double> y)
    {
        var e = Vector512.FusedMultiplyAdd(-x, y, Vector512<double>.One);
        y = Vector512.FusedMultiplyAdd(y, e, y);
        e = Vector512.FusedMultiplyAdd(-x, y, Vector512<double>.One);
        return Vector512.FusedMultiplyAdd(y, e, y);
    }

    /// <summary>x·2^e for integral e in [−1000, 0]: 2^e built from its bits (normal), one exact product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ScaleByPowerOfTwo(Vector256<double> x, Vector256<double> e) =>
        x * (((e + Vector256.Create(RoundingMagic)).AsInt64() - Vector256.Create(RoundingMagic).AsInt64() + Vector256.Create(1023L)) << 52).AsDouble();

    /// <summary>The biased exponent field as a double (2^52 + field, minus 2^52 + 1023).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exponent(Vector256<double> x) =>
        (Vector256.ShiftRightLogical(x.AsInt64(), 52) | Vector256.Create(TwoPower52Bits)).AsDouble() - Vector256.Create(4503599627370496.0 + 1023.0);

    /// <summary>The mantissa field with the exponent of 1.0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Mantissa(Vector256<double> x) =>
        ((x.AsInt64() & Vector256.Create(MantissaMask)) | Vector256.Create(OneBits)).AsDouble();

    /// <summary>The plain loop of <see cref="ILaneVector{TSelf}.TransposeSquare"/>, where no shuffles apply.</summary>
    public static void TransposeSquare(ref double source, int stride, ref double destination, int count)
    {
        for (var t = 0; t < count; t++)
            for (var l = 0; l < count; l++)
                Unsafe.Add(ref destination, t * count + l) = Unsafe.Add(ref source, l * stride + t);
    }
}
