using System.Text;
using AgCc.Core.Formats;

namespace AgCc.Core.Alignments;

/// <summary>
/// Turns a TextGrid file's bytes into text the way Praat does: a byte-order mark decides
/// (UTF-8, UTF-16 BE as Praat writes it, UTF-16 LE as Windows tools write it); without one the
/// text is UTF-8 if it is valid UTF-8 and ISO Latin-1 otherwise (Praat's fallback for old
/// 8-bit files). UTF-16 without a mark is recognised by its NUL bytes, as the file must start
/// with ASCII `File type`.
/// </summary>
internal static class TextGridText
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(false, false, true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(true, false, true);

    public static string Decode(ReadOnlySpan<byte> bytes, string file)
    {
        switch (bytes)
        {
            case [0xEF, 0xBB, 0xBF, ..]: return Strict(StrictUtf8, bytes[3..], file, "UTF-8");
            case [0xFE, 0xFF, ..]: return Strict(StrictUtf16Be, bytes[2..], file, "UTF-16 (big-endian)");
            case [0xFF, 0xFE, ..]: return Strict(StrictUtf16Le, bytes[2..], file, "UTF-16 (little-endian)");
            case [0, not 0, ..]: return Strict(StrictUtf16Be, bytes, file, "UTF-16 (big-endian)");
            case [not 0, 0, ..]: return Strict(StrictUtf16Le, bytes, file, "UTF-16 (little-endian)");
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes, string file, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InputException(file, null, $"the text is not valid {name}: {e.Message}", e);
        }
    }
}
