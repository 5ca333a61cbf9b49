namespace AgCc.Core.Training.Config;

/// <summary>The four methods of METHOD.md ("The anchor losses"); the JSON names are `baseline`, `pa-cc`, `la-cc`, `ag-cc`.</summary>
public enum TrainingMethod
{
    /// <summary>Source-only training, no anchor loss.</summary>
    Baseline,

    /// <summary>Phoneme-anchored: triplets over phone identities (vowels by default), weights 1.</summary>
    PaCc,

    /// <summary>Layer-anchored: Deep CORAL between source and target features of encoder layers.</summary>
    LaCc,

    /// <summary>Articulatory-gesture anchored (the paper): soft-weighted triplets over common AG clusters.</summary>
    AgCc,
}

public static class TrainingMethods
{
    private static readonly (TrainingMethod Method, string Name)[] Names =
    [
        (TrainingMethod.Baseline, "baseline"),
        (TrainingMethod.PaCc, "pa-cc"),
        (TrainingMethod.LaCc, "la-cc"),
        (TrainingMethod.AgCc, "ag-cc"),
    ];

    public static IReadOnlyList<string> All { get; } = [.. Names.Select(n => n.Name)];

    public static string ToName(this TrainingMethod method) => Names.First(n => n.Method == method).Name;

    public static bool TryParse(string? text, out TrainingMethod method)
    {
        foreach (var (candidate, name) in Names)
        {
            if (string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                method = candidate;
                return true;
            }
        }
        method = default;
        return false;
    }

    /// <summary>Whether batches mix source and target utterances (every method but the baseline).</summary>
    public static bool IsAnchored(this TrainingMethod method) => method != TrainingMethod.Baseline;

    /// <summary>Whether the method's anchors are phone-segment triplets (PA-CC, AG-CC).</summary>
    public static bool UsesTriplets(this TrainingMethod method) => method is TrainingMethod.PaCc or TrainingMethod.AgCc;
}
