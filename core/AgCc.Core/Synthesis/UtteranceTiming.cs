namespace AgCc.Core.Synthesis;

/// <summary>A phone with its place in time; <see cref="Label"/> is ARPAbet with the stress digit.</summary>
public sealed record TimedPhone(string Label, double Start, double End, int Word, bool Accented)
{
    public PhoneSpec Spec { get; } = PhoneInventory.Get(Label);
    public int Stress { get; } = PhoneInventory.Stress(Label);
    public double Duration => End - Start;
    public double Centre => 0.5 * (Start + End);
}

/// <summary>A word (lower case, as MFA writes the words tier) with its place in time.</summary>
public sealed record TimedWord(string Label, double Start, double End);

/// <summary>
/// When everything happens in one utterance: words, phones, the pauses between words and the
/// total duration (leading and trailing silence included).
/// </summary>
public sealed record UtteranceTiming(
    IReadOnlyList<TimedWord> Words,
    IReadOnlyList<TimedPhone> Phones,
    IReadOnlyList<(double Start, double End)> Pauses,
    double Duration)
{
    public double SpeechStart => Phones[0].Start;
    public double SpeechEnd => Phones[^1].End;
}
