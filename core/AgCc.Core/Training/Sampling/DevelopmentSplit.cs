using AgCc.Core.Synthesis;

namespace AgCc.Core.Training.Sampling;

/// <summary>
/// METHOD.md's speaker-independent development split of the source: a seeded draw of a share of
/// its speakers (at least one, never all), whose utterances are held out for early stopping.
/// </summary>
public sealed record DevelopmentSplit(int[] Train, int[] Development, IReadOnlyList<string> DevelopmentSpeakers)
{
    public static DevelopmentSplit Of(IReadOnlyList<string> speakerOfUtterance, double share, long seed)
    {
        var speakers = speakerOfUtterance.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (speakers.Count < 2)
            throw new InvalidDataException($"a speaker-independent development split needs at least two source speakers (found {speakers.Count})");
        var held = Math.Clamp((int)Math.Ceiling(share * speakers.Count), 1, speakers.Count - 1);
        var random = new Prng(Prng.Derive(seed, "development-split"));
        random.Shuffle(speakers);
        var development = speakers.Take(held).ToHashSet(StringComparer.Ordinal);
        var train = new List<int>();
        var dev = new List<int>();
        for (var i = 0; i < speakerOfUtterance.Count; i++) (development.Contains(speakerOfUtterance[i]) ? dev : train).Add(i);
        return new DevelopmentSplit([.. train], [.. dev], [.. development.Order(StringComparer.Ordinal)]);
    }
}
