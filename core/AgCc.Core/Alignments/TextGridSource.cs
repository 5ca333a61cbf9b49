namespace AgCc.Core.Alignments;

/// <summary>
/// A parsed TextGrid with the lines its tiers were declared on, so that checks made after
/// parsing (the alignment's tier look-up) can still name a line.
/// </summary>
/// <param name="TierCountLine">The line of the tier count (`size = 2`).</param>
/// <param name="TierLines">For each tier, the line of its class (`class = "IntervalTier"`).</param>
internal sealed record TextGridSource(TextGrid Grid, int TierCountLine, IReadOnlyList<int> TierLines);
