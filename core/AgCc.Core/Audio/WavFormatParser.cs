using System.Buffers.Binary;
using AgCc.Core.Formats;

namespace AgCc.Core.Audio;

/// <summary>
/// Parses and validates the body of a <c>fmt</c> chunk: plain PCM (tag 1), IEEE float (tag 3) or
/// WAVE_FORMAT_EXTENSIBLE (tag 0xFFFE) with a PCM or float subformat. The byte rate is not checked:
/// it is derived data that real writers get wrong, and nothing here needs it.
/// </summary>
internal static class WavFormatParser
{
    public const ushort TagPcm = 1;
    public const ushort TagFloat = 3;
    public const ushort TagExtensible = 0xFFFE;

    /// <summary>Bytes of the chunk the parser looks at; a longer chunk's tail is ignored.</summary>
    public const int BytesNeeded = 40;

    private const string Location = "chunk fmt";

    /// <summary>KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT after their leading 2-byte format tag.</summary>
    private static ReadOnlySpan<byte> SubformatTail =>
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <param name="body">The chunk's first <c>min(size, BytesNeeded)</c> bytes.</param>
    /// <param name="size">The size the chunk declares.</param>
    public static WavFormat Parse(string file, ReadOnlySpan<byte> body, long size)
    {
        if (size < 16)
            throw Error(file, $"the chunk is {size} bytes; expected at least 16 (format tag, channels, sample rate, byte rate, block align, bits per sample)");

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        var rate = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(body[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
        var validBits = (int)bits;
        var sampleTag = tag;
        var extensible = tag == TagExtensible;

        if (extensible)
        {
            if (size < 40)
                throw Error(file, $"an extensible format (tag 0xFFFE) needs a chunk of at least 40 bytes; this one is {size}");
            var extra = BinaryPrimitives.ReadUInt16LittleEndian(body[16..]);
            if (extra < 22)
                throw Error(file, $"the extension size (cbSize) is {extra}; expected at least 22 for an extensible format");
            var subformat = body.Slice(24, 16);
            if (!subformat[2..].SequenceEqual(SubformatTail))
                throw Error(file, $"unsupported extensible subformat {new Guid(subformat):B}; expected PCM or IEEE float");
            sampleTag = BinaryPrimitives.ReadUInt16LittleEndian(subformat);
            validBits = BinaryPrimitives.ReadUInt16LittleEndian(body[18..]);
            if (validBits == 0) validBits = bits; // 0: the writer did not say
        }

        var sampleFormat = sampleTag switch
        {
            TagPcm => WavSampleFormat.Pcm,
            TagFloat => WavSampleFormat.Float,
            _ => throw Error(file, extensible
                ? $"unsupported extensible subformat 0x{sampleTag:X4} ({TagName(sampleTag)}); expected 1 (PCM) or 3 (IEEE float)"
                : $"unsupported format tag 0x{sampleTag:X4} ({TagName(sampleTag)}); expected 1 (PCM), 3 (IEEE float) or 0xFFFE (extensible)"),
        };
        if (channels == 0)
            throw Error(file, "the file has 0 channels; expected at least 1");
        if (rate == 0)
            throw Error(file, "the sample rate is 0 Hz; expected a positive rate");
        if (rate > int.MaxValue)
            throw Error(file, $"the sample rate {rate} Hz is out of range; expected at most {int.MaxValue}");
        if (!IsSupportedDepth(sampleFormat, bits))
            throw Error(file, sampleFormat == WavSampleFormat.Pcm
                ? $"unsupported bit depth: {bits}-bit PCM; expected 8, 16, 24 or 32"
                : $"unsupported bit depth: {bits}-bit IEEE float; expected 32 or 64");
        if (validBits > bits)
            throw Error(file, $"{validBits} valid bits per sample do not fit in {bits}-bit samples");
        var expectedAlign = channels * (bits / 8);
        if (blockAlign != expectedAlign)
            throw Error(file, $"the block align is {blockAlign} bytes; expected {expectedAlign} ({channels} channel(s) × {bits} bits)");

        return new WavFormat(sampleFormat, bits, validBits, channels, (int)rate, extensible);
    }

    private static bool IsSupportedDepth(WavSampleFormat format, int bits) => format switch
    {
        WavSampleFormat.Pcm => bits is 8 or 16 or 24 or 32,
        _ => bits is 32 or 64,
    };

    private static string TagName(ushort tag) => tag switch
    {
        0x0000 => "unknown",
        0x0002 => "Microsoft ADPCM",
        0x0006 => "A-law",
        0x0007 => "µ-law",
        0x0011 => "IMA ADPCM",
        0x0031 => "GSM 6.10",
        0x0050 => "MPEG",
        0x0055 => "MPEG layer 3",
        0x0161 or 0x0162 or 0x0163 => "Windows Media Audio",
        0x2000 => "AC-3",
        0xF1AC => "FLAC",
        TagExtensible => "nested extensible",
        _ => "not a format this reader knows",
    };

    private static InputException Error(string file, string problem) => new(file, Location, problem);
}
