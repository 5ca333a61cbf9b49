namespace AgCc.Core.Alignments;

internal enum TextGridTokenKind
{
    /// <summary>No more tokens.</summary>
    End,
    Number,
    /// <summary>A quoted string, quotes removed and doubled quotes undoubled.</summary>
    String,
    /// <summary>`&lt;exists&gt;` or `&lt;absent&gt;`, brackets removed.</summary>
    Flag,
    /// <summary>A bare word where a value belongs (after `=`, or anywhere in the short form).</summary>
    BadValue,
}

/// <summary>
/// One value of a TextGrid file and the 1-based line it starts on. <see cref="Text"/> is empty for
/// numbers (no string per number: a corpus has millions of them).
/// </summary>
internal readonly record struct TextGridToken(TextGridTokenKind Kind, int Line, double Number, string Text)
{
    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        TextGridTokenKind.End => "the end of the file",
        TextGridTokenKind.Number => $"the number {PraatNumber.Format(Number)}",
        TextGridTokenKind.String => $"the string \"{Text}\"",
        TextGridTokenKind.Flag => $"<{Text}>",
        _ => $"'{Text}'",
    };
}
