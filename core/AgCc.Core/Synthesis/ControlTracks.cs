namespace AgCc.Core.Synthesis;

/// <summary>The synthesiser's parameters for one millisecond.</summary>
internal struct ControlFrame
{
    public double F0, AV, AH, AF, FricHz, FricBandwidth, F1, F2, F3, B1;
}

/// <summary>
/// Turns timed phones into 1 kHz parameter tracks. Formants: targets at vowel steady states
/// (diphthongs glide between two), consonant loci pulled towards the neighbouring vowels by
/// the phone's formant weight (locus equations in their simplest form), linear interpolation
/// and a 10 ms smoothing, so transitions are continuous. Amplitudes follow the manner of each
/// phone and are smoothed (a few ms) to avoid clicks; loudness rises on pitch accents by the
/// emotion's emphasis and declines by 3 dB over the utterance.
/// </summary>
internal sealed class ControlTracks
{
    private const double Step = 0.001;
    private static readonly Formants Schwa = new(500, 1500, 2500);

    public required ControlFrame[] Frames { get; init; }
    public int Length => Frames.Length;

    public static ControlTracks Build(UtteranceTiming timing, PitchContour pitch, EmotionStyle style, SpeakerProfile speaker)
    {
        var m = (int)Math.Ceiling(timing.Duration / Step) + 1;
        var frames = new ControlFrame[m];
        var f1 = new double[m];
        var f2 = new double[m];
        var f3 = new double[m];
        FormantTracks(timing.Phones, f1, f2, f3);

        var av = new double[m];
        var ah = new double[m];
        var af = new double[m];
        var fricHz = new double[m];
        var fricBw = new double[m];
        var nasal = new double[m];
        var phones = timing.Phones;
        var p = 0;
        for (var k = 0; k < m; k++)
        {
            var t = (k + 0.5) * Step;
            while (p < phones.Count && phones[p].End <= t) p++;
            fricHz[k] = 4000;
            fricBw[k] = 3000;
            if (p >= phones.Count || phones[p].Start > t) continue; // silence or pause
            Evaluate(phones[p], t, out av[k], out ah[k], out af[k], ref fricHz[k], ref fricBw[k], out nasal[k]);
        }
        Smooth(av, 0.006);
        Smooth(ah, 0.004);
        Smooth(af, 0.0015);
        Smooth(nasal, 0.01);

        var speechSpan = Math.Max(1e-3, timing.SpeechEnd - timing.SpeechStart);
        var breathy = 1 + 2 * (style.Breathiness + speaker.Breathiness);
        for (var k = 0; k < m; k++)
        {
            var t = k * Step;
            var progress = Math.Clamp((t - timing.SpeechStart) / speechSpan, 0, 1);
            var loudness = Math.Pow(10, (style.EmphasisDb * pitch.EmphasisAt(t) - 3 * progress) / 20);
            ref var c = ref frames[k];
            c.F0 = pitch.HzAt(t);
            c.AV = av[k] * loudness;
            c.AH = ah[k] * loudness;
            c.AF = af[k] * Math.Sqrt(loudness);
            c.FricHz = fricHz[k];
            c.FricBandwidth = fricBw[k];
            c.F1 = f1[k];
            c.F2 = f2[k];
            c.F3 = f3[k];
            c.B1 = ((60 + 0.08 * f1[k]) * breathy) * (1 - nasal[k]) + 220 * nasal[k];
        }
        return new ControlTracks { Frames = frames };
    }

    private static void Evaluate(
        TimedPhone phone, double t, out double av, out double ah, out double af,
        ref double fricHz, ref double fricBw, out double nasal)
    {
        var spec = phone.Spec;
        av = ah = af = nasal = 0;
        switch (spec.Class)
        {
            case PhoneClass.Vowel or PhoneClass.Diphthong:
                av = phone.Stress == 0 ? 0.8 : 1.0;
                break;
            case PhoneClass.Liquid or PhoneClass.Glide:
                av = 0.7;
                break;
            case PhoneClass.Nasal:
                av = 0.45;
                nasal = 1;
                break;
            case PhoneClass.Aspirate:
                ah = 0.9;
                break;
            case PhoneClass.Fricative:
                av = spec.Voiced ? 0.35 : 0;
                af = spec.Noise.Level;
                (fricHz, fricBw) = (spec.Noise.CentreHz, spec.Noise.BandwidthHz);
                break;
            case PhoneClass.Stop:
            {
                var release = phone.Start + (spec.Voiced ? 0.7 : 0.6) * phone.Duration;
                if (t < release)
                {
                    av = spec.Voiced ? 0.12 : 0; // voice bar during a voiced closure
                }
                else if (t < release + 0.010)
                {
                    af = 1.6 * spec.Noise.Level;
                    av = spec.Voiced ? 0.3 : 0;
                    (fricHz, fricBw) = (spec.Noise.CentreHz, spec.Noise.BandwidthHz);
                }
                else if (spec.Voiced)
                {
                    av = 0.8;
                }
                else
                {
                    ah = 0.7; // aspiration (voice onset time)
                }
                break;
            }
            case PhoneClass.Affricate:
            {
                var release = phone.Start + 0.45 * phone.Duration;
                if (t < release)
                {
                    av = spec.Voiced ? 0.1 : 0;
                }
                else
                {
                    af = spec.Noise.Level;
                    av = spec.Voiced ? 0.3 : 0;
                    (fricHz, fricBw) = (spec.Noise.CentreHz, spec.Noise.BandwidthHz);
                }
                break;
            }
        }
    }

    private static void FormantTracks(IReadOnlyList<TimedPhone> phones, double[] f1, double[] f2, double[] f3)
    {
        var keys = new List<(double T, Formants F)>();
        for (var i = 0; i < phones.Count; i++)
        {
            var p = phones[i];
            var spec = p.Spec;
            if (spec.IsVowel)
            {
                var a = p.Stress == 0 ? Lerp(spec.Start, Schwa, 0.3) : spec.Start;
                var b = p.Stress == 0 ? Lerp(spec.End, Schwa, 0.3) : spec.End;
                if (spec.Class == PhoneClass.Diphthong)
                {
                    keys.Add((p.Start + 0.2 * p.Duration, a));
                    keys.Add((p.End - 0.15 * p.Duration, b));
                }
                else
                {
                    keys.Add((p.Start + 0.3 * p.Duration, a));
                    keys.Add((p.End - 0.3 * p.Duration, a));
                }
            }
            else if (spec.FormantWeight > 0)
            {
                var prev = NeighbourVowel(phones, i, -1);
                var next = NeighbourVowel(phones, i, +1);
                var context = (prev, next) switch
                {
                    ({ } a, { } b) => Lerp(a.End, b.Start, 0.6),
                    ({ } a, null) => a.End,
                    (null, { } b) => b.Start,
                    _ => spec.Start,
                };
                keys.Add((p.Centre, Lerp(context, spec.Start, spec.FormantWeight)));
            }
        }
        var key = 0;
        for (var k = 0; k < f1.Length; k++)
        {
            var t = k * Step;
            while (key < keys.Count - 1 && keys[key + 1].T <= t) key++;
            Formants f;
            if (t <= keys[0].T) f = keys[0].F;
            else if (key >= keys.Count - 1) f = keys[^1].F;
            else
            {
                var (ta, fa) = keys[key];
                var (tb, fb) = keys[key + 1];
                f = Lerp(fa, fb, tb > ta ? (t - ta) / (tb - ta) : 1);
            }
            f1[k] = f.F1;
            f2[k] = f.F2;
            f3[k] = f.F3;
        }
        Smooth(f1, 0.010);
        Smooth(f2, 0.010);
        Smooth(f3, 0.010);
    }

    private static PhoneSpec? NeighbourVowel(IReadOnlyList<TimedPhone> phones, int i, int direction)
    {
        for (var j = i + direction; j >= 0 && j < phones.Count; j += direction)
            if (phones[j].Spec.IsVowel) return phones[j].Spec;
        return null;
    }

    private static Formants Lerp(Formants a, Formants b, double t) =>
        new(a.F1 + (b.F1 - a.F1) * t, a.F2 + (b.F2 - a.F2) * t, a.F3 + (b.F3 - a.F3) * t);

    /// <summary>Zero-phase first-order smoothing (forward then backward) with time constant τ.</summary>
    internal static void Smooth(Span<double> x, double tau, double step = Step)
    {
        var a = Math.Exp(-step / tau);
        for (var i = 1; i < x.Length; i++) x[i] = a * x[i - 1] + (1 - a) * x[i];
        for (var i = x.Length - 2; i >= 0; i--) x[i] = a * x[i + 1] + (1 - a) * x[i];
    }
}
