namespace AgCc.Core.Alignments;

/// <summary>
/// How MFA's labels are read for phone identity (METHOD.md, pipeline step 2).
/// Silence, on either tier: empty text (MFA 2 and later), `sil` and `sp` (older acoustic models:
/// silence and short pause), and `spn`, MFA's "spoken noise" phone for out-of-vocabulary words
/// (whose word, e.g. `&lt;unk&gt;`, stays on the words tier). Case is ignored for these.
/// Phones lose their trailing stress digits (ARPAbet `AH0` → `AH`) and keep their case.
/// </summary>
public static class MfaLabels
{
    public static bool IsSilence(string label)
    {
        var text = label.AsSpan().Trim();
        return text.IsEmpty
            || text.Equals("sil", StringComparison.OrdinalIgnoreCase)
            || text.Equals("sp", StringComparison.OrdinalIgnoreCase)
            || text.Equals("spn", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The phone without surrounding blanks and trailing stress digits; a label of digits only is kept.</summary>
    public static string PhoneIdentity(string label)
    {
        var text = label.Trim();
        var end = text.Length;
        while (end > 0 && char.IsAsciiDigit(text[end - 1])) end--;
        return end == 0 || end == text.Length ? text : text[..end];
    }
}
