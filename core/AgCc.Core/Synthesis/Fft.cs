using System.Buffers;

namespace AgCc.Core.Synthesis;

/// <summary>
/// In-place iterative radix-2 complex FFT over split real/imaginary arrays: enough for the
/// channel's reverberation (fast convolution with a room impulse response).
/// </summary>
public static class Fft
{
    public static int NextPowerOfTwo(int n)
    {
        var p = 1;
        while (p < n) p <<= 1;
        return p;
    }

    public static void Transform(double[] re, double[] im, bool inverse)
    {
        if (re.Length != im.Length) throw new ArgumentException("real and imaginary parts differ in length");
        Transform(re, im, re.Length, inverse);
    }

    /// <summary>Transforms the first <paramref name="n"/> values in place (arrays, not spans: the loops stay fast in Debug builds too).</summary>
    public static void Transform(double[] re, double[] im, int n, bool inverse)
    {
        if ((n & (n - 1)) != 0 || n > re.Length || n > im.Length) throw new ArgumentException("length must be a power of two within the arrays");
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }
        if (n < 2) return;
        var (cos, sin) = Twiddles(n);
        var sign = inverse ? 1.0 : -1.0;
        for (var len = 2; len <= n; len <<= 1)
        {
            var half = len >> 1;
            var stride = n / len;
            for (var start = 0; start < n; start += len)
            {
                for (var k = 0; k < half; k++)
                {
                    var wRe = cos[k * stride];
                    var wIm = sign * sin[k * stride];
                    var a = start + k;
                    var b = a + half;
                    var tRe = re[b] * wRe - im[b] * wIm;
                    var tIm = re[b] * wIm + im[b] * wRe;
                    re[b] = re[a] - tRe;
                    im[b] = im[a] - tIm;
                    re[a] += tRe;
                    im[a] += tIm;
                }
            }
        }
        if (inverse)
        {
            var scale = 1.0 / n;
            for (var i = 0; i < n; i++)
            {
                re[i] *= scale;
                im[i] *= scale;
            }
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, (double[] Cos, double[] Sin)> TwiddleTables = new();

    /// <summary>cos and sin of 2πk/n for k &lt; n/2, computed once per size (exact, not by recurrence).</summary>
    private static (double[] Cos, double[] Sin) Twiddles(int n) => TwiddleTables.GetOrAdd(n, static n =>
    {
        var cos = new double[n / 2];
        var sin = new double[n / 2];
        for (var k = 0; k < n / 2; k++) (sin[k], cos[k]) = Math.SinCos(2 * Math.PI * k / n);
        return (cos, sin);
    });

    /// <summary>
    /// Spectrum bins 0…n/2 of a real signal of length n (a power of two ≥ 2), through one complex
    /// FFT of half the length (even samples as real part, odd as imaginary, then split).
    /// </summary>
    public static void RealForward(ReadOnlySpan<double> x, Span<double> re, Span<double> im)
    {
        var n = x.Length;
        var m = n / 2;
        if (re.Length != m + 1 || im.Length != m + 1) throw new ArgumentException("need n/2 + 1 bins");
        var zr = ArrayPool<double>.Shared.Rent(m);
        var zi = ArrayPool<double>.Shared.Rent(m);
        for (var k = 0; k < m; k++)
        {
            zr[k] = x[2 * k];
            zi[k] = x[2 * k + 1];
        }
        Transform(zr, zi, m, inverse: false);
        var (tc, ts) = Twiddles(n);
        for (var k = 0; k <= m; k++)
        {
            var a = k % m;
            var b = (m - k) % m;
            // E = (Z[k] + conj Z[m−k]) / 2, O = (Z[k] − conj Z[m−k]) / 2i, X = E + W^k O.
            var eRe = 0.5 * (zr[a] + zr[b]);
            var eIm = 0.5 * (zi[a] - zi[b]);
            var oRe = 0.5 * (zi[a] + zi[b]);
            var oIm = -0.5 * (zr[a] - zr[b]);
            var (cos, sin) = (k < m ? tc[k] : -1.0, k < m ? -ts[k] : 0.0); // W^k = e^{−2πik/n}
            re[k] = eRe + cos * oRe - sin * oIm;
            im[k] = eIm + cos * oIm + sin * oRe;
        }
        ArrayPool<double>.Shared.Return(zr);
        ArrayPool<double>.Shared.Return(zi);
    }

    /// <summary>The real signal of length n whose bins 0…n/2 are given (the inverse of <see cref="RealForward"/>).</summary>
    public static void RealInverse(ReadOnlySpan<double> re, ReadOnlySpan<double> im, Span<double> x)
    {
        var n = x.Length;
        var m = n / 2;
        if (re.Length != m + 1 || im.Length != m + 1) throw new ArgumentException("need n/2 + 1 bins");
        var zr = ArrayPool<double>.Shared.Rent(m);
        var zi = ArrayPool<double>.Shared.Rent(m);
        var (tc, ts) = Twiddles(n);
        for (var k = 0; k < m; k++)
        {
            // E = (X[k] + conj X[m−k]) / 2, O = (X[k] − conj X[m−k]) / (2 W^k), Z = E + i O.
            var eRe = 0.5 * (re[k] + re[m - k]);
            var eIm = 0.5 * (im[k] - im[m - k]);
            var dRe = 0.5 * (re[k] - re[m - k]);
            var dIm = 0.5 * (im[k] + im[m - k]);
            var (cos, sin) = (tc[k], ts[k]); // 1 / W^k = e^{2πik/n}
            var oRe = dRe * cos - dIm * sin;
            var oIm = dRe * sin + dIm * cos;
            zr[k] = eRe - oIm;
            zi[k] = eIm + oRe;
        }
        Transform(zr, zi, m, inverse: true);
        for (var k = 0; k < m; k++)
        {
            x[2 * k] = zr[k];
            x[2 * k + 1] = zi[k];
        }
        ArrayPool<double>.Shared.Return(zr);
        ArrayPool<double>.Shared.Return(zi);
    }

    /// <summary>Linear convolution of <paramref name="signal"/> with <paramref name="kernel"/>, cut to the signal's length.</summary>
    public static double[] Convolve(ReadOnlySpan<double> signal, ReadOnlySpan<double> kernel)
    {
        var n = Math.Max(2, NextPowerOfTwo(signal.Length + kernel.Length - 1));
        var (kRe, kIm) = Spectrum(kernel, n);
        return Convolve(signal, kRe, kIm);
    }

    /// <summary>Bins 0…n/2 of <paramref name="kernel"/> zero-padded to <paramref name="n"/>: reusable for many signals.</summary>
    public static (double[] Re, double[] Im) Spectrum(ReadOnlySpan<double> kernel, int n)
    {
        var padded = new double[n];
        kernel.CopyTo(padded);
        var re = new double[n / 2 + 1];
        var im = new double[n / 2 + 1];
        RealForward(padded, re, im);
        return (re, im);
    }

    /// <summary>Convolution with a kernel given by its spectrum (length n = 2·(bins − 1) ≥ signal + kernel − 1).</summary>
    public static double[] Convolve(ReadOnlySpan<double> signal, double[] kernelRe, double[] kernelIm)
    {
        var n = 2 * (kernelRe.Length - 1);
        var bins = n / 2 + 1;
        var padded = ArrayPool<double>.Shared.Rent(n);
        var re = ArrayPool<double>.Shared.Rent(bins);
        var im = ArrayPool<double>.Shared.Rent(bins);
        try
        {
            signal.CopyTo(padded);
            Array.Clear(padded, signal.Length, n - signal.Length);
            RealForward(padded.AsSpan(0, n), re.AsSpan(0, bins), im.AsSpan(0, bins));
            for (var k = 0; k < bins; k++)
            {
                var r = re[k] * kernelRe[k] - im[k] * kernelIm[k];
                im[k] = re[k] * kernelIm[k] + im[k] * kernelRe[k];
                re[k] = r;
            }
            RealInverse(re.AsSpan(0, bins), im.AsSpan(0, bins), padded.AsSpan(0, n));
            return padded.AsSpan(0, signal.Length).ToArray();
        }
        finally
        {
            ArrayPool<double>.Shared.Return(padded);
            ArrayPool<double>.Shared.Return(re);
            ArrayPool<double>.Shared.Return(im);
        }
    }
}
