namespace AgCc.Core.Synthesis;

/// <summary>
/// Klatt's digital resonator (Klatt 1980): a two-pole filter at frequency F with bandwidth B and
/// unity gain at DC, so a cascade of them gives the vowel spectrum's relative formant amplitudes
/// for free. Coefficients change every control frame (1 ms); the state carries over.
/// </summary>
public struct Resonator
{
    private double _a, _b, _c, _y1, _y2;

    public void Set(double frequency, double bandwidth, double sampleRate)
    {
        var r = Math.Exp(-Math.PI * bandwidth / sampleRate);
        _c = -r * r;
        _b = 2 * r * Math.Cos(2 * Math.PI * frequency / sampleRate);
        _a = 1 - _b - _c;
    }

    public double Process(double x)
    {
        var y = _a * x + _b * _y1 + _c * _y2;
        _y2 = _y1;
        _y1 = y;
        return y;
    }
}

/// <summary>
/// An RBJ-cookbook biquad (Bristow-Johnson): band-pass (0 dB peak), high-pass, low-pass, peaking EQ.
/// Used for frication noise and for the recording channel.
/// </summary>
public struct Biquad
{
    private double _b0, _b1, _b2, _a1, _a2, _x1, _x2, _y1, _y2;

    public static Biquad BandPass(double centre, double bandwidth, double sampleRate)
    {
        var q = Math.Max(0.3, centre / Math.Max(1, bandwidth));
        var w = 2 * Math.PI * centre / sampleRate;
        var alpha = Math.Sin(w) / (2 * q);
        return Normalised(alpha, 0, -alpha, 1 + alpha, -2 * Math.Cos(w), 1 - alpha);
    }

    public void SetBandPass(double centre, double bandwidth, double sampleRate)
    {
        var state = (_x1, _x2, _y1, _y2);
        this = BandPass(centre, bandwidth, sampleRate);
        (_x1, _x2, _y1, _y2) = state;
    }

    public static Biquad HighPass(double cutoff, double q, double sampleRate)
    {
        var w = 2 * Math.PI * cutoff / sampleRate;
        var alpha = Math.Sin(w) / (2 * q);
        var cos = Math.Cos(w);
        return Normalised((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public static Biquad LowPass(double cutoff, double q, double sampleRate)
    {
        var w = 2 * Math.PI * cutoff / sampleRate;
        var alpha = Math.Sin(w) / (2 * q);
        var cos = Math.Cos(w);
        return Normalised((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public static Biquad Peaking(double centre, double q, double gainDb, double sampleRate)
    {
        var a = Math.Pow(10, gainDb / 40);
        var w = 2 * Math.PI * centre / sampleRate;
        var alpha = Math.Sin(w) / (2 * q);
        var cos = Math.Cos(w);
        return Normalised(1 + alpha * a, -2 * cos, 1 - alpha * a, 1 + alpha / a, -2 * cos, 1 - alpha / a);
    }

    public double Process(double x)
    {
        var y = _b0 * x + _b1 * _x1 + _b2 * _x2 - _a1 * _y1 - _a2 * _y2;
        _x2 = _x1;
        _x1 = x;
        _y2 = _y1;
        _y1 = y;
        return y;
    }

    public void Process(Span<double> signal)
    {
        for (var i = 0; i < signal.Length; i++) signal[i] = Process(signal[i]);
    }

    private static Biquad Normalised(double b0, double b1, double b2, double a0, double a1, double a2) => new()
    {
        _b0 = b0 / a0, _b1 = b1 / a0, _b2 = b2 / a0, _a1 = a1 / a0, _a2 = a2 / a0,
    };
}
