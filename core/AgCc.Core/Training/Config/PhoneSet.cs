using AgCc.Core.Alignments;

namespace AgCc.Core.Training.Config;

/// <summary>PA-CC's anchor phones (<see cref="AnchorConfig.Phones"/>), compared by phone identity (no stress digits).</summary>
public static class PhoneSet
{
    /// <summary>The ARPAbet vowels (CMU dictionary): METHOD.md's default PA-CC anchors.</summary>
    public static IReadOnlySet<string> Vowels { get; } = new HashSet<string>(
        ["AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"], StringComparer.Ordinal);

    /// <summary>The set the text names; null for `all` (every phone).</summary>
    public static IReadOnlySet<string>? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "vowels" => Vowels,
        "all" => null,
        _ => new HashSet<string>(
            text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(MfaLabels.PhoneIdentity),
            StringComparer.Ordinal),
    };
}
