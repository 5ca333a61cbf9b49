namespace AgCc.Core.Corpora;

/// <summary>How a corpus lies on disk; each layout has its own reader (see docs/METHOD.md).</summary>
public enum CorpusLayout
{
    /// <summary>CREMA-D: AudioWAV/, labels in the file names, optional crowd votes.</summary>
    CremaD,

    /// <summary>MSP-IMPROV: session folders and Evaluation.txt consensus labels.</summary>
    MspImprov,

    /// <summary>Any other corpus: a CSV naming audio, landmarks, alignment, speaker and label.</summary>
    Manifest,
}

/// <summary>The names users type for <see cref="CorpusLayout"/> (`crema-d`, `msp-improv`, `manifest`).</summary>
public static class CorpusLayouts
{
    private static readonly (CorpusLayout Layout, string Name)[] Names =
    [
        (CorpusLayout.CremaD, "crema-d"),
        (CorpusLayout.MspImprov, "msp-improv"),
        (CorpusLayout.Manifest, "manifest"),
    ];

    public static IReadOnlyList<string> All { get; } = Names.Select(n => n.Name).ToArray();

    public static string ToName(this CorpusLayout layout) =>
        Names.First(n => n.Layout == layout).Name;

    public static bool TryParse(string? text, out CorpusLayout layout)
    {
        foreach (var (candidate, name) in Names)
        {
            if (string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                layout = candidate;
                return true;
            }
        }
        layout = default;
        return false;
    }

    public static CorpusLayout Parse(string? text) =>
        TryParse(text, out var layout)
            ? layout
            : throw new ArgumentException(
                $"unknown corpus layout '{text}': expected one of {string.Join(", ", All)}", nameof(text));
}
