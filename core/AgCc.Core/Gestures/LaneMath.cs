using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AgCc.Core.Gestures;

/// <summary>
/// exp and log for the soft-min of four lanes, restricted to the ranges it needs (exp of x ≤ 0,
/// log of s in [1, 3]) and free of table gathers, which make Vector256.Exp/Log several times
/// slower inside the recursion than the arithmetic around them. Both are within ~2 ulp of
/// Math.Exp/Math.Log on those ranges (the batch tests compare against the scalar path).
/// </summary>
internal static class LaneMath
{
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;
    private const double RoundingMagic = 6755399441055744.0; // 1.5·2^52: n + magic holds n in its low bits

    /// <summary>exp(x) for x ≤ 0 (−∞ included). Below −708 it returns ~e^−708 ≈ 3e-308 instead of a denormal or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        x = Vector256.MaxNative(x, Vector256.Create(-708.0));
        var n = Vector256.Round(x * Vector256.Create(InvLn2));
        var r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-Ln2Hi), x);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-Ln2Lo), r);
        // exp(r) on |r| ≤ ln2/2 by its Taylor series to r^13 (truncation < 1e-17).
        var p = Vector256.Create(1.0 / 6227020800.0);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 479001600.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 39916800.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 3628800.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 362880.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 40320.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 5040.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 720.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 120.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 24.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 6.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(0.5));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        // 2^n from n's bits: n ≥ −1022, so the exponent field stays normal.
        var magic = Vector256.Create(RoundingMagic);
        var integer = (n + magic).AsInt64() - magic.AsInt64();
        var scale = ((integer + Vector256.Create(1023L)) << 52).AsDouble();
        return p * scale;
    }

    /// <summary>log(s) for s in [1, 3]: s = 2^e·m with m in [0.75, 1.5], log m = 2·atanh((m−1)/(m+1)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log(Vector256<double> s)
    {
        var big = Vector256.GreaterThan(s, Vector256.Create(1.5));
        var m = Vector256.ConditionalSelect(big, s * Vector256.Create(0.5), s);
        var e = Vector256.ConditionalSelect(big, Vector256<double>.One, Vector256<double>.Zero);
        var u = (m - Vector256<double>.One) / (m + Vector256<double>.One);
        var u2 = u * u;
        // Σ_k u^(2k)/(2k+1) to k = 10: |u| ≤ 0.2, so the rest is below 1e-17.
        var p = Vector256.Create(1.0 / 21.0);
        p = Vector256.FusedMultiplyAdd(p, u2, Vector256.Create(1.0 / 19.0));
        p = Vector256.FusedMultiplyAdd(p, u2, Vector256.Create(1.0 / 17.0));
        p = Vector256.FusedMultiplyAdd(p, u2, Vector256.Create(1.0 / 15.0));
        p = Vector256.FusedMultiplyAdd(p, u2, Vector256.Create(1.0 / 13.0));
        p = Vector256.FusedMultiplyAdd(p, u2, Vector256.Create(1.0 / 11.0));
        p = Vector256.FusedMultiplyAdd(p, u2, Vector256.Create(1.0 / 9.0));
        p = Vector256.FusedMultiplyAdd(p, u2, Vector256.Create(1.0 / 7.0));
        p = Vector256.FusedMultiplyAdd(p, u2, Vector256.Create(1.0 / 5.0));
        p = Vector256.FusedMultiplyAdd(p, u2, Vector256.Create(1.0 / 3.0));
        p = Vector256.FusedMultiplyAdd(p, u2, Vector256<double>.One);
        // e·ln2 + 2u·p, with ln2's low part added to the small term first.
        var twoU = u + u;
        return Vector256.FusedMultiplyAdd(e, Vector256.Create(Ln2Hi), Vector256.FusedMultiplyAdd(twoU, p, e * Vector256.Create(Ln2Lo)));
    }
}
