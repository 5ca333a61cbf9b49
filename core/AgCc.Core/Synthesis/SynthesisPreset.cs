namespace AgCc.Core.Synthesis;

/// <summary>How big a synthetic corpus pair to generate (see <see cref="SynthesisSizes.For"/>).</summary>
public enum SynthesisPreset
{
    /// <summary>About 240 utterances per corpus, 1–2.5 s each: a whole experiment in minutes on 2 cores.</summary>
    Demo,

    /// <summary>About 1,000 utterances per corpus.</summary>
    Small,

    /// <summary>The real corpora's sizes and emotion proportions (7,442 and 8,438 utterances).</summary>
    Paper,
}

/// <summary>Shares of MSP-IMPROV's recording conditions: P (target sentence in an improvisation), R (read), S (improvised), T (natural interaction).</summary>
public sealed record MspConditionShares(double P, double R, double S, double T)
{
    /// <summary>The real corpus: 652 P, 620 R, 4,381 S and 2,785 T of 8,438 turns.</summary>
    public static MspConditionShares Real { get; } = new(652 / 8438.0, 620 / 8438.0, 4381 / 8438.0, 2785 / 8438.0);
}

/// <summary>
/// The sizes of a synthetic corpus pair. CREMA-like: actors (1001…) and clips; a clip count of
/// at least 82 per actor (the full design: 11 sentences × 6 emotions plus IEO at three intensities)
/// takes the whole design, less a few dropped clips, as the real corpus (7,442 = 91 × 82 − 20).
/// MSP-like: sessions (two speakers each) and turns, with the recording-condition shares.
/// <see cref="BalancedEmotions"/> draws spontaneous MSP turns from a flatter emotion distribution
/// (so a small corpus still has enough angry and sad turns); otherwise the real proportions.
/// </summary>
public sealed record SynthesisSizes(
    int CremaActors,
    int CremaUtterances,
    int MspSessions,
    int MspUtterances,
    MspConditionShares MspConditions,
    bool BalancedEmotions,
    double MinSeconds,
    double MaxSeconds)
{
    public static SynthesisSizes For(SynthesisPreset preset) => preset switch
    {
        SynthesisPreset.Demo => new(10, 240, 3, 240, new(0.25, 0.25, 0.30, 0.20), BalancedEmotions: true, MinSeconds: 1.0, MaxSeconds: 2.5),
        SynthesisPreset.Small => new(24, 1008, 3, 1002, new(0.15, 0.15, 0.40, 0.30), BalancedEmotions: true, MinSeconds: 0.8, MaxSeconds: 4.0),
        SynthesisPreset.Paper => new(91, 7442, 6, 8438, MspConditionShares.Real, BalancedEmotions: false, MinSeconds: 0.8, MaxSeconds: 5.0),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, null),
    };

    /// <summary>One line for help texts and logs.</summary>
    public string Describe() =>
        $"crema-d-synth: {CremaUtterances} clips from {CremaActors} actors; " +
        $"msp-improv-synth: {MspUtterances} turns from {2 * MspSessions} speakers in {MspSessions} sessions; " +
        $"{MinSeconds:0.#}–{MaxSeconds:0.#} s per utterance";

    public void Validate()
    {
        if (CremaActors is < 1 or > 999) throw new ArgumentException("CREMA-like actors must be 1–999");
        if (CremaUtterances < CremaActors) throw new ArgumentException("need at least one clip per CREMA-like actor");
        if (MspSessions is < 1 or > 9) throw new ArgumentException("MSP-like sessions must be 1–9 (speakers F01…F09, M01…M09)");
        if (MspUtterances < 2 * MspSessions) throw new ArgumentException("need at least one turn per MSP-like speaker");
        if (MinSeconds <= 0 || MaxSeconds < MinSeconds + 0.5) throw new ArgumentException("need 0 < MinSeconds and MaxSeconds ≥ MinSeconds + 0.5");
    }
}
