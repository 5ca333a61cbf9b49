using System.Text;

namespace AgCc.Core.Audio;

/// <summary>Names RIFF chunk ids for messages: printable ASCII as is, other bytes as <c>\xNN</c>.</summary>
internal static class FourCc
{
    /// <summary>The id without its trailing blanks (<c>"fmt "</c> → <c>fmt</c>), for a location.</summary>
    public static string Name(ReadOnlySpan<byte> id) => Escape(id).TrimEnd(' ');

    /// <summary>The id in quotes, blanks kept, for a problem text.</summary>
    public static string Quote(ReadOnlySpan<byte> id) => $"'{Escape(id)}'";

    /// <summary>
    /// Whether the four bytes look like a chunk id as writers choose them: letters, digits, blanks,
    /// '_' or '-' (<c>fmt </c>, <c>LIST</c>, <c>id3 </c>, <c>_PMX</c>), not starting with a blank.
    /// </summary>
    public static bool IsLikely(ReadOnlySpan<byte> id)
    {
        if (id.Length != 4 || id[0] == (byte)' ') return false;
        foreach (var b in id)
        {
            if (!(char.IsAsciiLetterOrDigit((char)b) || b is (byte)' ' or (byte)'_' or (byte)'-')) return false;
        }
        return true;
    }

    private static string Escape(ReadOnlySpan<byte> id)
    {
        var text = new StringBuilder(id.Length);
        foreach (var b in id)
        {
            if (b is >= 0x20 and <= 0x7E) text.Append((char)b);
            else text.Append($"\\x{b:X2}");
        }
        return text.ToString();
    }
}
