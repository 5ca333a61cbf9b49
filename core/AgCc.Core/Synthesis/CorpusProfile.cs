using AgCc.Core.Corpora;

namespace AgCc.Core.Synthesis;

/// <summary>
/// Everything that makes one synthetic corpus sound and look like its recording setup rather
/// than the other's: sample rate, recording channel, camera, how strongly its actors express
/// emotion (acted CREMA-D prototypical, improvised MSP-IMPROV milder), its speaking mode (read
/// sentences or conversation), duration range, and how its alignments are written.
/// </summary>
public sealed record CorpusProfile(
    string Name,
    CorpusLayout Layout,
    int SampleRate,
    RecordingChannel Channel,
    Camera Camera,
    double Expressiveness,
    SpeakingMode Mode,
    double MinSeconds,
    double MaxSeconds,
    bool ExplicitSilences,
    double ShortTextGridShare,
    ulong RoomSeed)
{
    /// <summary>
    /// CREMA-D-like: read sentences (the neutral baseline of the emotion styles); 16 kHz, a small booth (RT60 0.18 s, little reverberation), a band-limited
    /// boxy microphone (120 Hz–6.8 kHz, +3 dB at 1 kHz), a quiet floor (−60 dBFS), full gain;
    /// 480×360 video with a large face; long-form TextGrids with silences as gaps.
    /// </summary>
    public static CorpusProfile CremaD(SynthesisSizes sizes, int seed) => new(
        "crema-d-synth",
        CorpusLayout.CremaD,
        16000,
        new RecordingChannel(HighPassHz: 120, LowPassHz: 6800, EqHz: 1000, EqDb: 3, GainDb: 0,
            NoiseDbfs: -66, NoiseColour: 0.5, Rt60Seconds: 0.18, ReverbMix: 0.12),
        new Camera(480, 360, PixelsPerUnit: 72, CentreX: 240, CentreY: 175, RollDegrees: 1.0,
            JitterPixels: 0.5, PoseSpreadDegrees: 3, Confidence: 0.95,
            ShortFailureProbability: 0.2, LongFailureProbability: 0.1),
        Expressiveness: 1.0,
        SpeakingMode.Read,
        sizes.MinSeconds,
        sizes.MaxSeconds,
        ExplicitSilences: false,
        ShortTextGridShare: 0,
        Prng.Derive(seed, "crema-d-synth", "room"));

    /// <summary>
    /// MSP-IMPROV-like: conversational speech (livelier and faster than read sentences, in every
    /// emotion, so a model trained on read speech takes its neutral turns for aroused ones); 48 kHz, a livelier room (RT60 0.4 s, more reverberant energy), a wide-band
    /// bright lavalier-like microphone (50 Hz–15 kHz, +5 dB at 4 kHz), 9 dB less gain, HVAC-like
    /// rumble at −50 dBFS; 1440×1080 video with a smaller face, a tilted camera and more tracker
    /// jitter and failures; TextGrids with explicit `sil`/`sp`, half of them in the short form.
    /// </summary>
    public static CorpusProfile MspImprov(SynthesisSizes sizes, int seed) => new(
        "msp-improv-synth",
        CorpusLayout.MspImprov,
        48000,
        new RecordingChannel(HighPassHz: 50, LowPassHz: 15000, EqHz: 4000, EqDb: 4, GainDb: -6,
            NoiseDbfs: -55, NoiseColour: 0.95, Rt60Seconds: 0.35, ReverbMix: 0.35),
        new Camera(1440, 1080, PixelsPerUnit: 150, CentreX: 700, CentreY: 470, RollDegrees: -2.5,
            JitterPixels: 0.9, PoseSpreadDegrees: 4, Confidence: 0.93,
            ShortFailureProbability: 0.35, LongFailureProbability: 0.2),
        Expressiveness: 0.9,
        SpeakingMode.Conversational,
        sizes.MinSeconds,
        sizes.MaxSeconds,
        ExplicitSilences: true,
        ShortTextGridShare: 0.5,
        Prng.Derive(seed, "msp-improv-synth", "room"));
}

/// <summary>
/// The speaking mode of a corpus, added to every emotion's style: conversation has a wider and
/// slightly higher F0 range and a faster rate than reading the same words aloud.
/// </summary>
public sealed record SpeakingMode(double F0ShiftSemitones, double F0RangeSemitones, double Rate)
{
    public static SpeakingMode Read { get; } = new(0, 0, 1.0);

    public static SpeakingMode Conversational { get; } = new(1.0, 2.0, 1.08);

    public EmotionStyle Apply(EmotionStyle style) => style with
    {
        F0ShiftSemitones = style.F0ShiftSemitones + F0ShiftSemitones,
        F0RangeSemitones = style.F0RangeSemitones + F0RangeSemitones,
        Rate = style.Rate * Rate,
    };
}
