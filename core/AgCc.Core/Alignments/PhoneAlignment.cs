namespace AgCc.Core.Alignments;

/// <summary>One labelled interval of a tier, in seconds.</summary>
public readonly record struct Interval(double Start, double End, string Label)
{
    public double Duration => End - Start;
}

/// <summary>
/// A forced alignment: the words and phones of an utterance, silences dropped, phones without
/// stress digits (ARPAbet `AA1` → `AA`).
/// </summary>
public sealed record PhoneAlignment(IReadOnlyList<Interval> Words, IReadOnlyList<Interval> Phones);
