namespace AgCc.Core.Alignments;

/// <summary>
/// A Praat TextGrid as read from a file: its time domain and its tiers in file order. Labels are
/// kept exactly as written (quotes undoubled); <see cref="TextGridReader"/> has already checked
/// that intervals and points are ordered and inside their tier.
/// </summary>
public sealed record TextGrid(double XMin, double XMax, IReadOnlyList<TextGridTier> Tiers);

/// <summary>One tier: an <see cref="IntervalTier"/> or a <see cref="TextTier"/> (Praat's point tier).</summary>
public abstract record TextGridTier(string Name, double XMin, double XMax);

/// <summary>Praat's `IntervalTier`: labelled intervals, in time order, not overlapping.</summary>
public sealed record IntervalTier(string Name, double XMin, double XMax, IReadOnlyList<Interval> Intervals)
    : TextGridTier(Name, XMin, XMax);

/// <summary>Praat's `TextTier`: labelled points in time order.</summary>
public sealed record TextTier(string Name, double XMin, double XMax, IReadOnlyList<TextPoint> Points)
    : TextGridTier(Name, XMin, XMax);

/// <summary>One point of a <see cref="TextTier"/> (Praat writes `number` and `mark`).</summary>
public readonly record struct TextPoint(double Time, string Mark);
