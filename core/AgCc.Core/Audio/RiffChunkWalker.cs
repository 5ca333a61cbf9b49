using System.Buffers.Binary;
using AgCc.Core.Formats;

namespace AgCc.Core.Audio;

/// <summary>
/// Walks the chunks of a RIFF/WAVE stream to its <c>fmt</c> and <c>data</c> chunks, validating the
/// structure on the way. Offsets in messages count from the start of the WAV data.
/// </summary>
/// <remarks>
/// <para>The RIFF size field (bytes 4–7) is not trusted and not checked: chunks are walked up to the
/// physical end of the file. Real files disagree with it in harmless ways (0 or 0xFFFFFFFF from
/// streaming writers, stale sizes from editors that append chunks, metadata tacked on after the
/// RIFF). Truncation is caught where it matters, by the <c>data</c> chunk's own size.</para>
/// <para>The walk stops as soon as both chunks have been found, so whatever follows them (trailing
/// metadata, a cut-off <c>LIST</c>, stray bytes) is never read. Chunks before them must be whole.</para>
/// <para>Odd-sized chunks are followed by a pad byte. A few writers leave it out; when the padded
/// position holds no likely chunk header (an id of letters, digits, blanks, '_' or '-' and a size
/// within the file) but the unpadded one does, the unpadded one is taken.</para>
/// <para>A <c>data</c> size of 0xFFFFFFFF is the streaming writers' "unknown length" and means "to the
/// end of the file", a trailing partial frame dropped. Any other size running past the end is an error.</para>
/// </remarks>
internal static class RiffChunkWalker
{
    private const uint UnknownLength = 0xFFFFFFFF;
    private const int MaxListed = 12; // chunk names a "missing" message lists

    public static WavLayout Walk(Stream stream, string file)
    {
        var origin = stream.Position;
        var length = stream.Length - origin;
        ReadHeader(stream, origin, length, file);

        WavFormat? format = null;
        long dataOffset = -1, dataLength = -1;
        var streamed = false;
        var seen = new List<string>();
        Span<byte> header = stackalloc byte[8];
        Span<byte> fmt = stackalloc byte[WavFormatParser.BytesNeeded];

        long position = 12;
        while ((format is null || dataOffset < 0) && length - position >= 8)
        {
            ReadAt(stream, origin, position, header, file);
            var id = header[..4];
            var name = FourCc.Name(id);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            var body = position + 8;
            var available = length - body;
            if (seen.Count < MaxListed) seen.Add(name);
            else if (seen.Count == MaxListed) seen.Add("…");

            if (id.SequenceEqual("data"u8) && dataOffset < 0)
            {
                streamed = size == UnknownLength;
                if (streamed) size = available;
                else if (size > available)
                    throw new InputException(file, "chunk data",
                        $"the chunk declares {size} bytes of samples at byte {body} but only {available} bytes follow; the file is truncated or the size is wrong");
                dataOffset = body;
                dataLength = size;
            }
            else if (size > available)
            {
                throw new InputException(file, $"chunk {name}",
                    $"the chunk declares {size} bytes at byte {body} but only {available} remain in the file");
            }
            else if (id.SequenceEqual("fmt "u8) && format is null)
            {
                var part = fmt[..(int)Math.Min(size, fmt.Length)];
                ReadAt(stream, origin, body, part, file);
                format = WavFormatParser.Parse(file, part, size);
            }

            position = NextChunk(stream, origin, length, body + size, file);
        }

        if (format is null)
            throw new InputException(file, "chunk fmt", $"missing: there is no fmt chunk{Listing(seen)}; expected one describing the samples before they can be read");
        if (dataOffset < 0)
            throw new InputException(file, "chunk data", $"missing: there is no data chunk{Listing(seen)}; expected one holding the samples");

        var partial = dataLength % format.BlockAlign;
        if (partial != 0 && !streamed)
            throw new InputException(file, "chunk data",
                $"the chunk holds {dataLength} bytes, not a whole number of {format.BlockAlign}-byte frames ({format.Channels} channel(s) × {format.BitsPerSample} bits)");
        dataLength -= partial;
        if (dataLength == 0)
            throw new InputException(file, "chunk data", "the chunk is empty; expected at least one sample frame");

        return new WavLayout(format, origin + dataOffset, dataLength);
    }

    private static void ReadHeader(Stream stream, long origin, long length, string file)
    {
        if (length < 12)
            throw new InputException(file, "byte 0", $"the file is {length} bytes; a WAV file begins with a 12-byte RIFF/WAVE header");
        Span<byte> header = stackalloc byte[12];
        ReadAt(stream, origin, 0, header, file);
        var riff = header[..4];
        if (!riff.SequenceEqual("RIFF"u8))
        {
            throw new InputException(file, "byte 0",
                riff.SequenceEqual("RIFX"u8) ? "big-endian RIFX files are not supported; expected 'RIFF'"
                : riff.SequenceEqual("RF64"u8) ? "RF64 (64-bit RIFF) files are not supported; expected 'RIFF'"
                : $"expected 'RIFF', found {FourCc.Quote(riff)}: this is not a WAV file");
        }
        if (!header[8..].SequenceEqual("WAVE"u8))
            throw new InputException(file, "byte 8", $"expected 'WAVE', found {FourCc.Quote(header[8..])}: this RIFF file is not a WAV file");
    }

    /// <summary>Where the chunk after one ending at <paramref name="end"/> starts (pad byte honoured).</summary>
    private static long NextChunk(Stream stream, long origin, long length, long end, string file)
    {
        if ((end & 1) == 0) return end;
        var padded = end + 1;
        if (padded + 8 > length) return padded;
        Span<byte> next = stackalloc byte[9];
        ReadAt(stream, origin, end, next, file);
        var missingPad = !IsChunkHeader(next[1..], length - padded) && IsChunkHeader(next[..8], length - end);
        return missingPad ? end : padded;
    }

    /// <summary>Whether 8 bytes look like a chunk header: a likely id and a size that fits.</summary>
    private static bool IsChunkHeader(ReadOnlySpan<byte> header, long remaining) =>
        FourCc.IsLikely(header[..4]) && BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) is var size
        && (size <= remaining - 8 || (size == UnknownLength && header[..4].SequenceEqual("data"u8)));

    private static void ReadAt(Stream stream, long origin, long position, Span<byte> buffer, string file)
    {
        stream.Position = origin + position;
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException e)
        {
            throw new InputException(file, $"byte {position}", $"the file ended early; expected {buffer.Length} more bytes", e);
        }
    }

    private static string Listing(List<string> seen) =>
        seen.Count == 0 ? " (no chunks follow the header)" : $" (chunks found: {string.Join(", ", seen)})";
}
