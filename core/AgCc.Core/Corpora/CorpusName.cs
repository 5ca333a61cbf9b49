using System.Text.RegularExpressions;

namespace AgCc.Core.Corpora;

/// <summary>
/// A corpus name is a grain key, a blob prefix and a CLI argument at once, so it is kept to
/// lower-case letters, digits and single inner hyphens (`crema-d`, `msp-improv`, `demo-a`).
/// </summary>
public static partial class CorpusName
{
    public const int MaxLength = 63;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();

    /// <summary>
    /// Returns null when <paramref name="name"/> is valid, else why it is not. Other names with the
    /// same roles (a gesture clustering's) follow the same rule; <paramref name="kind"/> names them.
    /// </summary>
    public static string? Problem(string? name, string kind = "corpus")
    {
        if (string.IsNullOrWhiteSpace(name)) return $"{kind} name is empty";
        if (name.Length > MaxLength) return $"{kind} name '{name}' is longer than {MaxLength} characters";
        if (!Pattern().IsMatch(name))
            return $"{kind} name '{name}' must be lower-case letters and digits, optionally joined by single hyphens";
        return null;
    }

    public static void Validate(string? name)
    {
        if (Problem(name) is { } problem) throw new ArgumentException(problem, nameof(name));
    }
}
