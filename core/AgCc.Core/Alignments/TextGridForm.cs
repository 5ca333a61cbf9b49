namespace AgCc.Core.Alignments;

/// <summary>
/// Praat's two text layouts of an `ooTextFile`: the long one with `key = value` lines (Praat's
/// "Save as text file", MFA's default `long_textgrid`) and the short one with one bare value a
/// line ("Save as short text file", MFA's `short_textgrid`).
/// </summary>
public enum TextGridForm
{
    Long,
    Short,
}
