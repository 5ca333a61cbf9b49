namespace AgCc.Core.Synthesis;

/// <summary>
/// Rosenberg glottal pulses, differentiated (the lip-radiation +6 dB/octave folded in). Each
/// period opens over <c>oq − cq</c> of the cycle (raised cosine), closes over <c>cq</c> (quarter
/// cosine) and stays closed for the rest: a short closing phase (pressed voice, anger) excites the
/// tract sharply and flattens the spectrum; a long one (breathy, sad) tilts it down. Period
/// jitter and amplitude shimmer are drawn once per cycle. Output is normalised so the negative
/// peak (the main excitation) is −1 whatever the quotients.
/// </summary>
public struct GlottalSource(int sampleRate)
{
    private readonly double _dt = 1.0 / sampleRate;
    private double _phase = 1.0; // start a new cycle at the first sample
    private double _f0 = 100;
    private double _amp = 1;
    private double _tp = 0.44, _tn = 0.16;

    /// <summary>True while the glottis is open (aspiration noise is louder then).</summary>
    public bool Open { get; private set; }

    public float Next(double f0, double openQuotient, double closingQuotient, double jitter, ref Prng rng)
    {
        _phase += _f0 * _dt;
        if (_phase >= 1.0)
        {
            _phase -= Math.Floor(_phase);
            _f0 = f0 * (1 + jitter * rng.Gaussian());
            _amp = 1 + 2.5 * jitter * rng.Gaussian();
            _tn = Math.Clamp(closingQuotient, 0.03, 0.4);
            _tp = Math.Max(0.1, openQuotient - _tn);
        }
        var phi = _phase;
        double d;
        if (phi < _tp)
        {
            // Opening: g = ½(1 − cos(πφ/tp)), derivative (π/2tp)·sin(πφ/tp).
            d = Math.PI / (2 * _tp) * Math.Sin(Math.PI * phi / _tp);
            Open = true;
        }
        else if (phi < _tp + _tn)
        {
            // Closing: g = cos(π(φ − tp)/2tn), derivative −(π/2tn)·sin(π(φ − tp)/2tn).
            d = -Math.PI / (2 * _tn) * Math.Sin(Math.PI * (phi - _tp) / (2 * _tn));
            Open = true;
        }
        else
        {
            d = 0;
            Open = false;
        }
        return (float)(_amp * d * (2 * _tn / Math.PI));
    }
}
