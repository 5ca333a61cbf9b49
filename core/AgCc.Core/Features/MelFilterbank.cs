namespace AgCc.Core.Features;

public enum MelScale
{
    /// <summary>2595·log10(1 + f/700) (torchaudio's default).</summary>
    Htk,

    /// <summary>Linear below 1 kHz, logarithmic above (Slaney's Auditory Toolbox, librosa's default).</summary>
    Slaney,
}

public enum MelNorm
{
    None,

    /// <summary>Each triangle divided by its width in Hz (equal area).</summary>
    Slaney,
}

/// <summary>
/// Triangular mel filters as torchaudio.functional.melscale_fbanks builds them, in double:
/// n_freqs = n_fft/2 + 1 bins from 0 to sample_rate/2, n_mels + 2 points equally spaced in mel
/// between f_min and f_max, each filter max(0, min(rising, falling)) slope.
/// </summary>
public static class MelFilterbank
{
    /// <summary>Row-major [frequency bin, mel]: n_freqs × n_mels (multiply a power spectrum row by it).</summary>
    public static double[] Create(int frequencies, double minFrequency, double maxFrequency, int mels, int sampleRate, MelScale scale, MelNorm norm)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frequencies, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(mels, 1);
        if (!(minFrequency >= 0) || !(maxFrequency > minFrequency)) throw new ArgumentOutOfRangeException(nameof(maxFrequency), $"need 0 ≤ f_min < f_max (got {minFrequency}, {maxFrequency})");
        var bins = new double[frequencies];
        var nyquist = (double)(sampleRate / 2); // torchaudio: linspace(0, sample_rate // 2, n_freqs)
        for (var i = 0; i < frequencies; i++) bins[i] = nyquist * i / (frequencies - 1);
        var low = ToMel(minFrequency, scale);
        var high = ToMel(maxFrequency, scale);
        var points = new double[mels + 2];
        for (var m = 0; m < points.Length; m++) points[m] = ToHz(low + (high - low) * m / (mels + 1), scale);

        var bank = new double[frequencies * mels];
        for (var m = 0; m < mels; m++)
        {
            var (left, center, right) = (points[m], points[m + 1], points[m + 2]);
            var scaleBy = norm == MelNorm.Slaney ? 2.0 / (right - left) : 1.0;
            for (var i = 0; i < frequencies; i++)
            {
                var falling = (bins[i] - left) / (center - left); // torchaudio's "down" slope: -(f_pts[m] - f) / diff
                var rising = (right - bins[i]) / (right - center);
                bank[i * mels + m] = Math.Max(0.0, Math.Min(falling, rising)) * scaleBy;
            }
        }
        return bank;
    }

    public static double ToMel(double hz, MelScale scale)
    {
        if (scale == MelScale.Htk) return 2595.0 * Math.Log10(1.0 + hz / 700.0);
        const double linear = 200.0 / 3;
        const double minLogHz = 1000.0;
        var minLogMel = minLogHz / linear;
        var logStep = Math.Log(6.4) / 27.0;
        return hz >= minLogHz ? minLogMel + Math.Log(hz / minLogHz) / logStep : hz / linear;
    }

    public static double ToHz(double mel, MelScale scale)
    {
        if (scale == MelScale.Htk) return 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0);
        const double linear = 200.0 / 3;
        const double minLogHz = 1000.0;
        var minLogMel = minLogHz / linear;
        var logStep = Math.Log(6.4) / 27.0;
        return mel >= minLogMel ? minLogHz * Math.Exp(logStep * (mel - minLogMel)) : linear * mel;
    }
}
