using System.Collections.Concurrent;

namespace AgCc.Core.Synthesis;

/// <summary>
/// A corpus's recording chain, applied to every utterance of the corpus: the room (an
/// exponentially decaying noise impulse response after the direct sound, fixed per corpus like a
/// real room, with the given RT60 and direct-to-reverberant mix), the microphone and
/// converter (a 2nd-order high-pass, a 4th-order Butterworth low-pass and a peaking EQ for the
/// microphone's colour), the gain, and additive background noise (white through a one-pole
/// low-pass: 0 white, towards 1 rumble). A soft limiter keeps loud takes below full scale.
/// </summary>
public sealed record RecordingChannel(
    double HighPassHz,
    double LowPassHz,
    double EqHz,
    double EqDb,
    double GainDb,
    double NoiseDbfs,
    double NoiseColour,
    double Rt60Seconds,
    double ReverbMix)
{
    public float[] Apply(ReadOnlySpan<double> clean, int sampleRate, ulong roomSeed, ref Prng rng)
    {
        var x = Reverberate(clean, sampleRate, roomSeed);
        var hp = Biquad.HighPass(HighPassHz, Math.Sqrt(0.5), sampleRate);
        var lp1 = Biquad.LowPass(Math.Min(LowPassHz, 0.45 * sampleRate), 0.5412, sampleRate);
        var lp2 = Biquad.LowPass(Math.Min(LowPassHz, 0.45 * sampleRate), 1.3066, sampleRate);
        var eq = Biquad.Peaking(EqHz, 1.0, EqDb, sampleRate);
        var gain = Math.Pow(10, GainDb / 20);
        // One-pole coloured noise, rescaled to unit variance so NoiseDbfs is its RMS level.
        var noiseLevel = Math.Pow(10, NoiseDbfs / 20) * Math.Sqrt(3) * Math.Sqrt(1 - NoiseColour * NoiseColour);
        var noiseState = 0.0;
        var output = new float[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var y = eq.Process(lp2.Process(lp1.Process(hp.Process(x[i])))) * gain;
            noiseState = NoiseColour * noiseState + (2 * rng.NextDouble() - 1);
            y += noiseLevel * noiseState;
            output[i] = (float)SoftLimit(y);
        }
        return output;
    }

    /// <summary>The room's impulse response: a unit direct path, then decaying noise from 3 ms.</summary>
    public double[] ImpulseResponse(int sampleRate, ulong roomSeed)
    {
        var length = (int)(Rt60Seconds * sampleRate);
        var ir = new double[Math.Max(1, length)];
        ir[0] = 1;
        if (length <= 1 || ReverbMix <= 0) return ir;
        var rng = new Prng(roomSeed);
        var delay = (int)(0.003 * sampleRate);
        var decay = 6.907755 / (Rt60Seconds * sampleRate); // ln(1000): −60 dB at RT60
        var energy = 0.0;
        for (var i = delay; i < length; i++)
        {
            ir[i] = rng.Gaussian() * Math.Exp(-decay * (i - delay));
            energy += ir[i] * ir[i];
        }
        // Reverberant energy relative to the direct sound = ReverbMix².
        var scale = ReverbMix / Math.Sqrt(energy);
        for (var i = delay; i < length; i++) ir[i] *= scale;
        return ir;
    }

    private double[] Reverberate(ReadOnlySpan<double> clean, int sampleRate, ulong roomSeed)
    {
        if (ReverbMix <= 0 || Rt60Seconds <= 0) return clean.ToArray();
        var n = Fft.NextPowerOfTwo(clean.Length + (int)(Rt60Seconds * sampleRate));
        // The room is the same for every utterance of a corpus: its spectrum per FFT size is cached.
        var (re, im) = RoomSpectra.GetOrAdd((this, sampleRate, roomSeed, n), key => Fft.Spectrum(key.Channel.ImpulseResponse(key.Rate, key.Seed), key.N));
        return Fft.Convolve(clean, re, im);
    }

    private static readonly ConcurrentDictionary<(RecordingChannel Channel, int Rate, ulong Seed, int N), (double[] Re, double[] Im)> RoomSpectra = new();

    private static double SoftLimit(double y)
    {
        const double knee = 0.9;
        var a = Math.Abs(y);
        return a <= knee ? y : Math.Sign(y) * (knee + (1 - knee) * Math.Tanh((a - knee) / (1 - knee)));
    }
}
