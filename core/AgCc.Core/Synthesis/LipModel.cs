namespace AgCc.Core.Synthesis;

/// <summary>The mouth at one instant: lip posture plus jaw opening, in face units.</summary>
public readonly record struct MouthState(double Aperture, double Width, double Protrusion, double Jaw);

/// <summary>
/// Articulatory lip trajectories. Each phone sets a lip target (aperture, width, protrusion);
/// consonants without a lip gesture of their own keep only their <see cref="PhoneSpec.LipWeight"/>
/// of it and take the rest from the neighbouring vowels (mostly the next one: anticipatory
/// rounding). Unstressed vowels are reduced towards schwa. Each parameter then follows its
/// target through a critically damped second-order system (a task-dynamics gesture: no
/// overshoot, time constant 12 ms for lip closures, 20 ms otherwise, 40 ms relaxing to rest),
/// with targets switched 25 ms ahead of the acoustics (the lips lead the sound). Emotion scales
/// the excursions from rest (hyper-/hypo-articulation), the speed, and adds smile width; the
/// speaker scales aperture and width.
/// </summary>
public static class LipModel
{
    private const double Step = 0.001;
    private const double Lead = 0.025;
    private static readonly LipPosture SchwaLips = new(0.07, 0.52, 0.10);

    public static MouthState[] Track(UtteranceTiming timing, EmotionStyle style, SpeakerProfile speaker, double fps, int frames)
    {
        var phones = timing.Phones;
        var starts = new LipPosture[phones.Count];
        var ends = new LipPosture[phones.Count];
        var omega = new double[phones.Count];
        for (var i = 0; i < phones.Count; i++)
        {
            var spec = phones[i].Spec;
            var (a, b) = (spec.LipStart, spec.LipEnd);
            if (spec.IsVowel && phones[i].Stress == 0)
            {
                a = LipPosture.Lerp(a, SchwaLips, 0.35);
                b = LipPosture.Lerp(b, SchwaLips, 0.35);
            }
            if (spec.LipWeight < 1)
            {
                var context = Context(phones, i);
                a = LipPosture.Lerp(context, a, spec.LipWeight);
                b = LipPosture.Lerp(context, b, spec.LipWeight);
            }
            // Lip closures aim past contact (compression), so the lips really close.
            if (spec.LipStart.Aperture <= 0) (a, b) = (a with { Aperture = -0.02 }, b with { Aperture = -0.02 });
            starts[i] = Express(a, style, speaker);
            ends[i] = Express(b, style, speaker);
            var closing = spec.LipStart.Aperture <= 0.015 && spec.LipWeight >= 0.9;
            omega[i] = style.GestureSpeed / (closing ? 0.012 : 0.020);
        }
        var rest = Express(PhoneInventory.Rest, style, speaker);
        var restOmega = style.GestureSpeed / 0.040;

        var steps = (int)Math.Ceiling(timing.Duration / Step) + 2;
        var trajectory = new MouthState[steps];
        double xa = rest.Aperture, xw = rest.Width, xp = rest.Protrusion;
        double va = 0, vw = 0, vp = 0;
        var p = 0;
        for (var k = 0; k < steps; k++)
        {
            var t = k * Step + Lead;
            while (p < phones.Count && phones[p].End <= t) p++;
            LipPosture target;
            double w;
            if (p < phones.Count && phones[p].Start <= t)
            {
                var progress = (t - phones[p].Start) / phones[p].Duration;
                target = LipPosture.Lerp(starts[p], ends[p], progress);
                w = omega[p];
            }
            else
            {
                target = rest;
                w = restOmega;
            }
            // Critically damped: x'' = ω²(target − x) − 2ω x' (semi-implicit Euler at 1 kHz).
            va += (w * w * (target.Aperture - xa) - 2 * w * va) * Step;
            vw += (w * w * (target.Width - xw) - 2 * w * vw) * Step;
            vp += (w * w * (target.Protrusion - xp) - 2 * w * vp) * Step;
            xa += va * Step;
            xw += vw * Step;
            xp += vp * Step;
            var aperture = Math.Max(0, xa);
            trajectory[k] = new MouthState(aperture, xw, Math.Clamp(xp, 0, 1), 0.6 * aperture);
        }

        var result = new MouthState[frames];
        for (var f = 0; f < frames; f++)
        {
            var k = Math.Min(steps - 1, (int)Math.Round(f / fps / Step));
            result[f] = trajectory[k];
        }
        return result;
    }

    /// <summary>The lip shape a consonant borrows: 65% the next vowel, 35% the previous one.</summary>
    private static LipPosture Context(IReadOnlyList<TimedPhone> phones, int i)
    {
        LipPosture? prev = null, next = null;
        for (var j = i - 1; j >= 0 && prev is null; j--) if (phones[j].Spec.IsVowel) prev = phones[j].Spec.LipEnd;
        for (var j = i + 1; j < phones.Count && next is null; j++) if (phones[j].Spec.IsVowel) next = phones[j].Spec.LipStart;
        return (prev, next) switch
        {
            ({ } a, { } b) => LipPosture.Lerp(a, b, 0.65),
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => PhoneInventory.Rest,
        };
    }

    private static LipPosture Express(LipPosture target, EmotionStyle style, SpeakerProfile speaker)
    {
        var rest = PhoneInventory.Rest;
        var g = style.GestureAmplitude;
        return new LipPosture(
            (rest.Aperture + g * (target.Aperture - rest.Aperture)) * speaker.Face.ApertureScale,
            (rest.Width + g * (target.Width - rest.Width) + style.SmileWidth) * speaker.Face.MouthWidthScale,
            Math.Clamp(rest.Protrusion + g * (target.Protrusion - rest.Protrusion), 0, 1));
    }
}
