namespace AgCc.Core.Synthesis;

/// <summary>
/// A Klatt-style source–filter synthesiser. Control tracks at 1 kHz (F0, voicing, aspiration and
/// frication amplitudes, frication shape, F1–F3) come from the timed phones; each sample then
/// runs glottal pulses (through a spectral-tilt low-pass) plus aspiration noise into a cascade
/// of five formant resonators, and frication noise into a band-pass in parallel. Stops are a
/// closure (silent, or a low voice bar when voiced), a 10 ms burst shaped by place, then
/// aspiration (voiceless) or voicing. The result is scaled to the utterance's speech level.
/// </summary>
public static class SourceFilterSynthesizer
{
    private const int ControlRate = 1000;

    /// <summary>Level of the speech part, dBFS RMS, for a neutral speaker before the channel.</summary>
    public const double ReferenceLevelDbfs = -30;

    public static double[] Render(
        UtteranceTiming timing, PitchContour pitch, EmotionStyle style, SpeakerProfile speaker,
        int sampleRate, ref Prng rng)
    {
        if (sampleRate % ControlRate != 0) throw new ArgumentException("sample rate must be a multiple of 1 kHz", nameof(sampleRate));
        var tracks = ControlTracks.Build(timing, pitch, style, speaker);
        var perFrame = sampleRate / ControlRate;
        var n = (int)Math.Round(timing.Duration * sampleRate);
        var output = new double[n];

        var source = new GlottalSource(sampleRate);
        var cascade = new Resonator[5];
        var frication = new Biquad();
        var tilt = 0.0;
        var tiltCoefficient = Math.Pow(0.9 * style.Tilt, 16000.0 / sampleRate); // the same −3 dB point at any rate
        // White noise spreads its power over fs/2: scale so a band carries the same power at any rate.
        var noiseScale = Math.Sqrt(sampleRate / 16000.0) * Math.Sqrt(3);
        var breathiness = style.Breathiness + speaker.Breathiness;
        var vt = speaker.FormantScale * (1 + 0.5 * style.SmileWidth);
        var nyquistGuard = 0.45 * sampleRate;

        for (var k = 0; k < tracks.Length; k++)
        {
            var start = k * perFrame;
            if (start >= n) break;
            var end = Math.Min(n, start + perFrame);
            ref readonly var c = ref tracks.Frames[k];
            cascade[0].Set(c.F1 * vt, c.B1, sampleRate);
            cascade[1].Set(c.F2 * vt, 90 + 0.05 * c.F2, sampleRate);
            cascade[2].Set(c.F3 * vt, 150, sampleRate);
            cascade[3].Set(Math.Min(3400 * vt, nyquistGuard), 250, sampleRate);
            cascade[4].Set(Math.Min(4500 * vt, nyquistGuard), 320, sampleRate);
            if (c.AF > 0) frication.SetBandPass(Math.Min(c.FricHz, 0.42 * sampleRate), c.FricBandwidth, sampleRate);

            for (var i = start; i < end; i++)
            {
                var g = source.Next(c.F0, style.OpenQuotient, style.ClosingQuotient, style.Jitter, ref rng);
                tilt = (1 - tiltCoefficient) * (c.AV * g) + tiltCoefficient * tilt;
                var noise = (2 * rng.NextDouble() - 1) * noiseScale;
                var aspiration = noise * (c.AH + c.AV * breathiness * (source.Open ? 1.0 : 0.3)) * 0.5;
                var y = tilt + aspiration;
                for (var r = 0; r < cascade.Length; r++) y = cascade[r].Process(y);
                var fric = 0.0;
                if (c.AF > 0)
                {
                    fric = frication.Process((2 * rng.NextDouble() - 1) * noiseScale * c.AF);
                }
                output[i] = y + fric;
            }
        }

        // Scale the speech part to the target level: reference + emotion + speaker + a little luck.
        var level = ReferenceLevelDbfs + style.EnergyDb + speaker.LoudnessDb + rng.Gaussian(0, 1.2);
        var s0 = (int)(timing.SpeechStart * sampleRate);
        var s1 = Math.Min(n, (int)(timing.SpeechEnd * sampleRate));
        var sum = 0.0;
        for (var i = s0; i < s1; i++) sum += output[i] * output[i];
        var rms = Math.Sqrt(sum / Math.Max(1, s1 - s0));
        if (rms > 0)
        {
            var gain = Math.Pow(10, level / 20) / rms;
            for (var i = 0; i < n; i++) output[i] *= gain;
        }
        return output;
    }
}
