using System.Buffers.Binary;

namespace AgCc.Core.Audio;

/// <summary>
/// The bytes before the samples of a file <see cref="WavWriter"/> writes: RIFF/WAVE, a plain
/// <c>fmt</c> chunk (16 bytes for PCM; 18 for float, followed by the <c>fact</c> chunk non-PCM
/// formats require) and the <c>data</c> chunk header, all sizes exact.
/// </summary>
internal static class WavHeader
{
    public const int MaxLength = 58;

    /// <summary>Writes the header into <paramref name="destination"/> and returns its length.</summary>
    /// <exception cref="ArgumentException">The audio does not fit the 4 GiB a RIFF size can express.</exception>
    public static int Write(Span<byte> destination, WavEncoding encoding, int channels, int sampleRate, long frames)
    {
        var isFloat = encoding == WavEncoding.Float32;
        var bytesPerSample = WavSampleEncoder.BytesPerSample(encoding);
        var blockAlign = channels * bytesPerSample;
        var dataLength = frames * blockAlign;
        var headerLength = isFloat ? 58 : 44;
        var riffSize = headerLength - 8 + dataLength + (dataLength & 1);
        if (riffSize > uint.MaxValue || channels > ushort.MaxValue || (long)sampleRate * blockAlign > uint.MaxValue)
            throw new ArgumentException($"{frames} frames of {channels} channel(s) at {sampleRate} Hz do not fit in a WAV file (4 GiB at most)");

        var d = destination;
        "RIFF"u8.CopyTo(d);
        BinaryPrimitives.WriteUInt32LittleEndian(d[4..], (uint)riffSize);
        "WAVE"u8.CopyTo(d[8..]);
        "fmt "u8.CopyTo(d[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(d[16..], isFloat ? 18u : 16u);
        BinaryPrimitives.WriteUInt16LittleEndian(d[20..], isFloat ? WavFormatParser.TagFloat : WavFormatParser.TagPcm);
        BinaryPrimitives.WriteUInt16LittleEndian(d[22..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(d[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(d[28..], (uint)(sampleRate * (long)blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(d[32..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(d[34..], (ushort)(bytesPerSample * 8));
        var position = 36;
        if (isFloat)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(d[36..], 0); // cbSize: no extension
            "fact"u8.CopyTo(d[38..]);
            BinaryPrimitives.WriteUInt32LittleEndian(d[42..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(d[46..], (uint)Math.Min(frames, uint.MaxValue)); // sample frames
            position = 50;
        }
        "data"u8.CopyTo(d[position..]);
        BinaryPrimitives.WriteUInt32LittleEndian(d[(position + 4)..], (uint)dataLength);
        return position + 8;
    }
}
