namespace AgCc.Core.Synthesis;

/// <summary>A pitch accent: a Gaussian bump in semitones centred on an accented vowel.</summary>
public readonly record struct PitchAccent(double Centre, double Width, double Semitones);

/// <summary>
/// The intonation of one utterance, in semitones relative to the speaker's F0: the emotion's
/// mean shift, a linear declination over the speech, pitch accents on stressed syllables of
/// accented words, a final fall, and a slow wander (so no two utterances are exactly alike).
/// </summary>
public sealed class PitchContour(
    double baseHz,
    double offsetSemitones,
    double declinationSemitones,
    double speechStart,
    double speechEnd,
    IReadOnlyList<PitchAccent> accents,
    double finalFallSemitones,
    double rangeSemitones,
    (double Amplitude, double Hz, double Phase) wander1,
    (double Amplitude, double Hz, double Phase) wander2)
{
    public IReadOnlyList<PitchAccent> Accents { get; } = accents;

    public double SemitonesAt(double t)
    {
        var span = Math.Max(1e-3, speechEnd - speechStart);
        var progress = Math.Clamp((t - speechStart) / span, 0, 1);
        var st = offsetSemitones + declinationSemitones * progress;
        foreach (var a in Accents)
        {
            var z = (t - a.Centre) / a.Width;
            if (z is > -4 and < 4) st += a.Semitones * Math.Exp(-0.5 * z * z);
        }
        // Final fall over the last 300 ms of speech (statements).
        var fall = Math.Clamp((t - (speechEnd - 0.3)) / 0.3, 0, 1);
        st += finalFallSemitones * fall * fall * (3 - 2 * fall);
        st += wander1.Amplitude * Math.Sin(2 * Math.PI * wander1.Hz * t + wander1.Phase);
        st += wander2.Amplitude * Math.Sin(2 * Math.PI * wander2.Hz * t + wander2.Phase);
        return st;
    }

    public double HzAt(double t) => Math.Clamp(baseHz * Math.Pow(2, SemitonesAt(t) / 12), 55, 550);

    /// <summary>How accented the moment is (0 none, about 1 at an accent peak): drives loudness emphasis.</summary>
    public double EmphasisAt(double t)
    {
        var e = 0.0;
        foreach (var a in Accents)
        {
            var z = (t - a.Centre) / a.Width;
            if (z is > -4 and < 4) e += a.Semitones / rangeSemitones * Math.Exp(-0.5 * z * z);
        }
        return Math.Min(e, 1.2);
    }
}
