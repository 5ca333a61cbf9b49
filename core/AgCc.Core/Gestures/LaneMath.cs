using System.Runtime.CompilerServices;

namespace AgCc.Core.Gestures;

/// <summary>
/// 2^y of a lane vector as m·2^e with an exponent e kept apart (a double holding an integer), so
/// it never underflows however negative y is: what the batched soft-DTW recursion needs to carry
/// e^(−R/γ) instead of R. Free of table gathers and divisions; m is within ~1 ulp of 2^(y−e).
/// </summary>
internal static class LaneMath
{
    private const double RoundingMagic = 6755399441055744.0; // 1.5·2^52: y + magic rounds y to an integer

    /// <summary>2^y = mantissa·2^exponent for y ≤ 0 with |y| &lt; 2^51: exponent = round(y), mantissa = 2^(y − exponent) in [2^-½, 2^½].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T PowerOfTwo<T>(T y, out T exponent) where T : struct, ILaneVector<T>
    {
        var magic = T.Create(RoundingMagic);
        exponent = (y + magic) - magic;
        var f = y - exponent; // exact, |f| ≤ ½
        // 2^f on [−½, ½]: Chebyshev fit of degree 11 (mpmath chebyfit, error 3.2e-18).
        var p = T.Create(4.4558179083360645e-10);
        p = T.MultiplyAdd(p, f, T.Create(7.074194297288521e-09));
        p = T.MultiplyAdd(p, f, T.Create(1.0178057087733941e-07));
        p = T.MultiplyAdd(p, f, T.Create(1.3215432535912375e-06));
        p = T.MultiplyAdd(p, f, T.Create(1.5252733841556773e-05));
        p = T.MultiplyAdd(p, f, T.Create(0.00015403530463724353));
        p = T.MultiplyAdd(p, f, T.Create(0.001333355814640647));
        p = T.MultiplyAdd(p, f, T.Create(0.009618129107587256));
        p = T.MultiplyAdd(p, f, T.Create(0.055504108664821625));
        p = T.MultiplyAdd(p, f, T.Create(0.24022650695910158));
        p = T.MultiplyAdd(p, f, T.Create(0.6931471805599453));
        return T.MultiplyAdd(p, f, T.One);
    }
}
