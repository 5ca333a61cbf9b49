using System.Buffers.Binary;

namespace AgCc.Core.Audio;

/// <summary>
/// Decodes whole frames of WAV sample bytes to floats, either interleaved or mixed down to mono
/// (the mean of the channels, summed in double and rounded once). Integer PCM is scaled by
/// 2^(bits−1), so full scale negative is exactly −1 (8-bit is unsigned, centred on 128); floats are
/// kept as stored, not clipped. One loop per sample type, specialised by the JIT: no per-sample
/// allocation or dispatch.
/// </summary>
internal static class WavSampleDecoder
{
    public static void DecodeMono(WavFormat format, ReadOnlySpan<byte> source, Span<float> mono)
    {
        switch (format.SampleFormat, format.BitsPerSample)
        {
            case (WavSampleFormat.Pcm, 8): Mono<Unsigned8>(source, mono, format.Channels); break;
            case (WavSampleFormat.Pcm, 16): Mono<Signed16>(source, mono, format.Channels); break;
            case (WavSampleFormat.Pcm, 24): Mono<Signed24>(source, mono, format.Channels); break;
            case (WavSampleFormat.Pcm, 32): Mono<Signed32>(source, mono, format.Channels); break;
            case (WavSampleFormat.Float, 32): Mono<Float32>(source, mono, format.Channels); break;
            case (WavSampleFormat.Float, 64): Mono<Float64>(source, mono, format.Channels); break;
            default: throw new NotSupportedException($"{format.BitsPerSample}-bit {format.SampleFormat}");
        }
    }

    public static void DecodeInterleaved(WavFormat format, ReadOnlySpan<byte> source, Span<float> destination)
    {
        switch (format.SampleFormat, format.BitsPerSample)
        {
            case (WavSampleFormat.Pcm, 8): Interleaved<Unsigned8>(source, destination); break;
            case (WavSampleFormat.Pcm, 16): Interleaved<Signed16>(source, destination); break;
            case (WavSampleFormat.Pcm, 24): Interleaved<Signed24>(source, destination); break;
            case (WavSampleFormat.Pcm, 32): Interleaved<Signed32>(source, destination); break;
            case (WavSampleFormat.Float, 32): Interleaved<Float32>(source, destination); break;
            case (WavSampleFormat.Float, 64): Interleaved<Float64>(source, destination); break;
            default: throw new NotSupportedException($"{format.BitsPerSample}-bit {format.SampleFormat}");
        }
    }

    private static void Interleaved<T>(ReadOnlySpan<byte> source, Span<float> destination)
        where T : struct, ISample
    {
        var size = T.Size;
        for (var i = 0; i < destination.Length; i++)
            destination[i] = (float)T.Read(source.Slice(i * size, size));
    }

    private static void Mono<T>(ReadOnlySpan<byte> source, Span<float> mono, int channels)
        where T : struct, ISample
    {
        if (channels == 1)
        {
            Interleaved<T>(source, mono);
            return;
        }
        var size = T.Size;
        var frameSize = size * channels;
        for (var f = 0; f < mono.Length; f++)
        {
            var frame = source.Slice(f * frameSize, frameSize);
            var sum = 0.0;
            for (var c = 0; c < frame.Length; c += size)
                sum += T.Read(frame.Slice(c, size));
            mono[f] = (float)(sum / channels);
        }
    }

    private interface ISample
    {
        static abstract int Size { get; }

        static abstract double Read(ReadOnlySpan<byte> bytes);
    }

    private readonly struct Unsigned8 : ISample
    {
        public static int Size => 1;

        public static double Read(ReadOnlySpan<byte> bytes) => (bytes[0] - 128) * (1.0 / 128);
    }

    private readonly struct Signed16 : ISample
    {
        public static int Size => 2;

        public static double Read(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadInt16LittleEndian(bytes) * (1.0 / 32768);
    }

    private readonly struct Signed24 : ISample
    {
        public static int Size => 3;

        public static double Read(ReadOnlySpan<byte> bytes) =>
            (bytes[0] | (bytes[1] << 8) | ((sbyte)bytes[2] << 16)) * (1.0 / 8388608);
    }

    private readonly struct Signed32 : ISample
    {
        public static int Size => 4;

        public static double Read(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadInt32LittleEndian(bytes) * (1.0 / 2147483648);
    }

    private readonly struct Float32 : ISample
    {
        public static int Size => 4;

        public static double Read(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadSingleLittleEndian(bytes);
    }

    private readonly struct Float64 : ISample
    {
        public static int Size => 8;

        public static double Read(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadDoubleLittleEndian(bytes);
    }
}
