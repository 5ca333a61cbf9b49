using AgCc.Core.Corpora;

namespace AgCc.Core.Synthesis;

/// <summary>
/// How an emotion changes voice and face, at full (prototypical) expression. Values follow the
/// acoustic-correlate literature (Scherer 2003; Banse &amp; Scherer 1996): anger and happiness raise
/// F0, F0 range, loudness and rate, anger with a pressed (flat-tilt) voice, happiness with the
/// widest F0 excursions; sadness lowers F0, range, loudness and rate, with a breathy, steep-tilt
/// voice and longer pauses; fear is high, fast and tremulous; disgust slow and low. The face adds
/// the smile (happiness), lip-stretch (fear), upper-lip raise (anger, disgust), lowered corners
/// (sadness) and larger or smaller articulatory gestures (hyper- vs hypo-articulation).
/// <see cref="Scaled"/> moves every value from neutral towards the emotion by an expressiveness
/// factor (intensity × speaker × corpus), so weak expressions stay close to neutral.
/// </summary>
public sealed record EmotionStyle(
    double F0ShiftSemitones,
    double F0RangeSemitones,
    double DeclinationSemitones,
    double Rate,
    double EnergyDb,
    double EmphasisDb,
    double OpenQuotient,
    double ClosingQuotient,
    double Tilt,
    double Breathiness,
    double Jitter,
    double PauseProbability,
    double GestureAmplitude,
    double GestureSpeed,
    double SmileWidth,
    double CornerLift,
    double UpperLipRaise,
    double BrowRaise,
    double HeadMotion)
{
    public static EmotionStyle Neutral { get; } = new(
        F0ShiftSemitones: 0, F0RangeSemitones: 3.0, DeclinationSemitones: -3.0, Rate: 1.0,
        EnergyDb: 0, EmphasisDb: 2.0, OpenQuotient: 0.60, ClosingQuotient: 0.16, Tilt: 0.30,
        Breathiness: 0.04, Jitter: 0.006, PauseProbability: 0.08, GestureAmplitude: 1.0,
        GestureSpeed: 1.0, SmileWidth: 0, CornerLift: 0, UpperLipRaise: 0, BrowRaise: 0, HeadMotion: 1.0);

    public static EmotionStyle For(Emotion emotion) => emotion switch
    {
        Emotion.Neutral => Neutral,
        Emotion.Anger => Neutral with
        {
            F0ShiftSemitones = 4.0, F0RangeSemitones = 5.0, Rate = 1.10, EnergyDb = 7.0, EmphasisDb = 5.0,
            OpenQuotient = 0.42, ClosingQuotient = 0.08, Tilt = 0.05, Breathiness = 0.02, Jitter = 0.012,
            PauseProbability = 0.05, GestureAmplitude = 1.25, GestureSpeed = 1.25, SmileWidth = 0.015,
            CornerLift = -0.006, UpperLipRaise = 0.012, BrowRaise = -0.045, HeadMotion = 1.4,
        },
        Emotion.Happiness => Neutral with
        {
            F0ShiftSemitones = 4.5, F0RangeSemitones = 9.0, DeclinationSemitones = -2.0, Rate = 1.05,
            EnergyDb = 3.5, EmphasisDb = 4.0, OpenQuotient = 0.58, ClosingQuotient = 0.15, Tilt = 0.28,
            Jitter = 0.008, PauseProbability = 0.05, GestureAmplitude = 1.10, GestureSpeed = 1.10,
            SmileWidth = 0.055, CornerLift = 0.022, BrowRaise = 0.012, HeadMotion = 1.25,
        },
        Emotion.Sadness => Neutral with
        {
            F0ShiftSemitones = -1.5, F0RangeSemitones = 1.3, DeclinationSemitones = -2.0, Rate = 0.80,
            EnergyDb = -5.5, EmphasisDb = 1.0, OpenQuotient = 0.74, ClosingQuotient = 0.26, Tilt = 0.65,
            Breathiness = 0.16, Jitter = 0.010, PauseProbability = 0.20, GestureAmplitude = 0.72,
            GestureSpeed = 0.78, SmileWidth = -0.012, CornerLift = -0.016, BrowRaise = 0.02, HeadMotion = 0.65,
        },
        Emotion.Fear => Neutral with
        {
            F0ShiftSemitones = 5.0, F0RangeSemitones = 4.0, DeclinationSemitones = -1.0, Rate = 1.12,
            EnergyDb = 1.0, OpenQuotient = 0.62, ClosingQuotient = 0.14, Tilt = 0.30, Breathiness = 0.10,
            Jitter = 0.022, PauseProbability = 0.12, GestureAmplitude = 1.05, GestureSpeed = 1.2,
            SmileWidth = 0.03, CornerLift = -0.004, BrowRaise = 0.05, HeadMotion = 1.2,
        },
        Emotion.Disgust => Neutral with
        {
            F0ShiftSemitones = -0.5, F0RangeSemitones = 3.5, Rate = 0.88, EnergyDb = 0.5, EmphasisDb = 3.0,
            OpenQuotient = 0.55, ClosingQuotient = 0.14, Breathiness = 0.05, Jitter = 0.010,
            PauseProbability = 0.12, GestureAmplitude = 0.95, GestureSpeed = 0.9, SmileWidth = 0.01,
            CornerLift = -0.010, UpperLipRaise = 0.018, BrowRaise = -0.02, HeadMotion = 1.0,
        },
        // MSP-IMPROV's "other" (surprise, frustration, ...): mildly aroused, otherwise neutral.
        Emotion.Other => Neutral with
        {
            F0ShiftSemitones = 2.0, F0RangeSemitones = 4.5, Rate = 1.03, EnergyDb = 1.5, EmphasisDb = 3.0,
            BrowRaise = 0.025, HeadMotion = 1.1,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(emotion), emotion, null),
    };

    /// <summary>Neutral moved towards this style by <paramref name="k"/> (0: neutral, 1: this, &gt;1: stronger).</summary>
    public EmotionStyle Scaled(double k)
    {
        var n = Neutral;
        double L(double neutral, double own) => neutral + k * (own - neutral);
        return new EmotionStyle(
            L(n.F0ShiftSemitones, F0ShiftSemitones),
            Math.Max(0.5, L(n.F0RangeSemitones, F0RangeSemitones)),
            L(n.DeclinationSemitones, DeclinationSemitones),
            Math.Max(0.5, L(n.Rate, Rate)),
            L(n.EnergyDb, EnergyDb),
            Math.Max(0, L(n.EmphasisDb, EmphasisDb)),
            Math.Clamp(L(n.OpenQuotient, OpenQuotient), 0.3, 0.9),
            Math.Clamp(L(n.ClosingQuotient, ClosingQuotient), 0.05, 0.35),
            Math.Clamp(L(n.Tilt, Tilt), 0, 0.9),
            Math.Clamp(L(n.Breathiness, Breathiness), 0, 0.5),
            Math.Clamp(L(n.Jitter, Jitter), 0, 0.05),
            Math.Clamp(L(n.PauseProbability, PauseProbability), 0, 0.5),
            Math.Max(0.3, L(n.GestureAmplitude, GestureAmplitude)),
            Math.Max(0.4, L(n.GestureSpeed, GestureSpeed)),
            L(n.SmileWidth, SmileWidth),
            L(n.CornerLift, CornerLift),
            L(n.UpperLipRaise, UpperLipRaise),
            L(n.BrowRaise, BrowRaise),
            Math.Max(0.2, L(n.HeadMotion, HeadMotion)));
    }
}
