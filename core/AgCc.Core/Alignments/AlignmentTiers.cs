using AgCc.Core.Formats;

namespace AgCc.Core.Alignments;

/// <summary>
/// Finds the `words` and `phones` tiers of an MFA TextGrid and turns them into a
/// <see cref="PhoneAlignment"/>. A tier named exactly `words` (case ignored) wins; without one,
/// MFA's multi-speaker naming `SPEAKER - words` is accepted when exactly one tier ends in
/// ` - words` (an utterance has one speaker; several would be ambiguous). Labels follow
/// <see cref="MfaLabels"/>: silences dropped, phones without stress digits, words trimmed.
/// </summary>
internal static class AlignmentTiers
{
    public static PhoneAlignment ToAlignment(TextGridSource source, string file)
    {
        var words = Find(source, file, "words");
        var phones = Find(source, file, "phones");
        return new PhoneAlignment(Keep(words, static label => label.Trim()), Keep(phones, MfaLabels.PhoneIdentity));
    }

    private static List<Interval> Keep(IntervalTier tier, Func<string, string> identity)
    {
        var kept = new List<Interval>(tier.Intervals.Count);
        foreach (var interval in tier.Intervals)
        {
            if (MfaLabels.IsSilence(interval.Label)) continue;
            kept.Add(interval with { Label = identity(interval.Label) });
        }
        return kept;
    }

    private static IntervalTier Find(TextGridSource source, string file, string role)
    {
        var tiers = source.Grid.Tiers;
        var suffix = " - " + role;
        var exact = Matching(tiers, name => name.Equals(role, StringComparison.OrdinalIgnoreCase));
        var matches = exact.Count > 0
            ? exact
            : Matching(tiers, name => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
        if (matches.Count == 0)
        {
            var found = tiers.Count == 0 ? "none" : string.Join(", ", tiers.Select(t => $"\"{t.Name}\""));
            throw new InputException(file, $"line {source.TierCountLine}",
                $"no \"{role}\" tier (nor one named \"SPEAKER{suffix}\"); tiers found: {found}");
        }
        if (matches.Count > 1)
        {
            var names = string.Join(", ", matches.Select(i => $"\"{tiers[i].Name}\" (line {source.TierLines[i]})"));
            throw new InputException(file, $"line {source.TierLines[matches[1]]}",
                $"more than one tier could be the \"{role}\" tier: {names}; expected one speaker's alignment");
        }
        var index = matches[0];
        return tiers[index] as IntervalTier
            ?? throw new InputException(file, $"line {source.TierLines[index]}",
                $"tier \"{tiers[index].Name}\" is a TextTier (points); the {role} must be an IntervalTier");
    }

    private static List<int> Matching(IReadOnlyList<TextGridTier> tiers, Func<string, bool> matches)
    {
        var found = new List<int>(1);
        for (var i = 0; i < tiers.Count; i++)
            if (matches(tiers[i].Name.Trim())) found.Add(i);
        return found;
    }
}
