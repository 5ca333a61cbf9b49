namespace AgCc.Core.Audio;

/// <summary>
/// The polyphase windowed-sinc kernel of torchaudio's <c>functional.resample</c> with its defaults
/// (<c>sinc_interp_hann</c>, <c>lowpass_filter_width</c> = 6, <c>rolloff</c> = 0.99), built once per
/// rate pair. Rates are reduced by their gcd to <see cref="From"/> → <see cref="To"/>; output sample
/// <c>i·To + j</c> is phase <c>j</c>'s taps dotted with the input from <c>i·From + FirstInput[j]</c>.
/// </summary>
/// <remarks>
/// <para>Every tap is computed the way torchaudio computes it for a float32 waveform: in float32,
/// operation by operation (t = (−j/To + (k − width)/From)·base, clamp, cos² Hann window, sin(πt)/(πt),
/// × base/From), with sin and cos evaluated in double and rounded once. That keeps the taps within a
/// float32 step or two of torch's (whose vectorised sin/cos differ by an ulp now and then); a kernel
/// computed in double instead differs from torch's by up to ~1e-5 after filtering.</para>
/// <para>Torch's kernel rows are <c>2·width + From</c> long but mostly zero: only taps with |t| &lt; 6
/// carry weight (the clamped ones are ~1e-22). Those alone are stored, phase by phase, so even a
/// rate pair with gcd 1 (say 44 101 → 16 000) costs memory in proportion to <see cref="To"/> × 13·From/base,
/// not To × From.</para>
/// </remarks>
internal sealed class SincResampleKernel
{
    public const int LowpassFilterWidth = 6;
    public const double Rolloff = 0.99;

    private SincResampleKernel(int from, int to, int width, float[] taps, int[] phaseStart, int[] firstInput)
    {
        From = from;
        To = to;
        Width = width;
        Taps = taps;
        PhaseStart = phaseStart;
        FirstInput = firstInput;
    }

    /// <summary>The source rate divided by gcd(source, target).</summary>
    public int From { get; }

    /// <summary>The target rate divided by gcd(source, target).</summary>
    public int To { get; }

    /// <summary>torchaudio's <c>width</c>: the zero padding before the input, in input samples.</summary>
    public int Width { get; }

    /// <summary>All phases' taps, phase after phase.</summary>
    public float[] Taps { get; }

    /// <summary>Phase <c>j</c>'s taps are <c>Taps[PhaseStart[j]..PhaseStart[j + 1]]</c>.</summary>
    public int[] PhaseStart { get; }

    /// <summary>The input index (relative to <c>i·From</c>) phase <c>j</c>'s first tap applies to.</summary>
    public int[] FirstInput { get; }

    public ReadOnlySpan<float> Phase(int j) => Taps.AsSpan(PhaseStart[j], PhaseStart[j + 1] - PhaseStart[j]);

    public static SincResampleKernel Create(int fromRate, int toRate)
    {
        var gcd = Gcd(fromRate, toRate);
        int from = fromRate / gcd, to = toRate / gcd;
        var baseFreq = Math.Min(from, to) * Rolloff;
        var reach = LowpassFilterWidth * (double)from / baseFreq; // input samples either side of a tap's centre
        var width = (int)Math.Ceiling(reach);
        var kernelLength = 2L * width + from;

        var baseF = (float)baseFreq;
        var scaleF = (float)(baseFreq / from);
        var taps = new List<float>((int)Math.Min(int.MaxValue / 2, (long)to * ((int)(2 * reach) + 2)));
        var phaseStart = new int[to + 1];
        var firstInput = new int[to];
        for (var j = 0; j < to; j++)
        {
            var phase = (float)-j / to;
            var centre = width + from * ((double)j / to);
            var lo = (long)Math.Max(0, Math.Floor(centre - reach) - 2);
            var hi = (long)Math.Min(kernelLength - 1, Math.Ceiling(centre + reach) + 2);
            var first = -1L;
            for (var k = lo; k <= hi; k++)
            {
                var t = (float)((float)(phase + (float)(k - width) / from) * baseF);
                if (!(MathF.Abs(t) < LowpassFilterWidth))
                {
                    if (first >= 0) break;
                    continue;
                }
                if (first < 0) first = k;
                taps.Add(Tap(t, scaleF));
            }
            firstInput[j] = first < 0 ? 0 : (int)(first - width);
            phaseStart[j + 1] = taps.Count;
        }
        return new SincResampleKernel(from, to, width, [.. taps], phaseStart, firstInput);
    }

    /// <summary>torchaudio's tap for a (scaled, unclamped) position <paramref name="t"/>, in float32.</summary>
    private static float Tap(float t, float scale)
    {
        const float pi = (float)Math.PI;
        var angle = (float)((float)((float)(t * pi) / LowpassFilterWidth) / 2f);
        var cos = (float)Math.Cos(angle);
        var window = (float)(cos * cos);
        var x = (float)(t * pi);
        var sinc = x == 0f ? 1f : (float)((float)Math.Sin(x) / x);
        return (float)(sinc * (float)(window * scale));
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
