using System.Buffers.Binary;

namespace AgCc.Core.Audio;

/// <summary>
/// Encodes float samples to WAV sample bytes. PCM scales by 2^(bits−1), rounds half to even and
/// clips to the integer range, so every value <see cref="WavReader"/> returns for a PCM file of the
/// same depth is written back bit for bit; NaN becomes 0. Float32 is stored as is.
/// </summary>
internal static class WavSampleEncoder
{
    public static int BytesPerSample(WavEncoding encoding) => encoding switch
    {
        WavEncoding.Pcm16 => 2,
        WavEncoding.Pcm24 => 3,
        WavEncoding.Float32 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "unknown WAV encoding"),
    };

    /// <summary>Writes <c>source.Length * BytesPerSample</c> bytes to the start of <paramref name="destination"/>.</summary>
    public static void Encode(WavEncoding encoding, ReadOnlySpan<float> source, Span<byte> destination)
    {
        switch (encoding)
        {
            case WavEncoding.Pcm16:
                for (var i = 0; i < source.Length; i++)
                    BinaryPrimitives.WriteInt16LittleEndian(destination[(2 * i)..], (short)Quantize(source[i], 32768f));
                break;
            case WavEncoding.Pcm24:
                for (var i = 0; i < source.Length; i++)
                {
                    var v = Quantize(source[i], 8388608f);
                    var d = destination.Slice(3 * i, 3);
                    d[0] = (byte)v;
                    d[1] = (byte)(v >> 8);
                    d[2] = (byte)(v >> 16);
                }
                break;
            case WavEncoding.Float32:
                for (var i = 0; i < source.Length; i++)
                    BinaryPrimitives.WriteSingleLittleEndian(destination[(4 * i)..], source[i]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "unknown WAV encoding");
        }
    }

    /// <summary><paramref name="x"/> × <paramref name="full"/> rounded and clipped to [−full, full − 1].</summary>
    private static int Quantize(float x, float full)
    {
        if (float.IsNaN(x)) return 0;
        var v = MathF.Round(x * full, MidpointRounding.ToEven);
        return (int)Math.Clamp(v, -full, full - 1);
    }
}
