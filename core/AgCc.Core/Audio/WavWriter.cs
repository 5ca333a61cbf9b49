using System.Buffers;

namespace AgCc.Core.Audio;

/// <summary>
/// Writes audio as a canonical WAV file (RIFF/WAVE, plain <c>fmt</c>, exact sizes) that every tool
/// reads: the synthetic corpora, resampled copies and test fixtures. 16-bit PCM by default; PCM
/// scales by 2^(bits−1), rounds half to even and clips, so what <see cref="WavReader"/> returns for a
/// PCM file is written back bit for bit. The stream overloads leave the stream open.
/// </summary>
public static class WavWriter
{
    private const int BlockBytes = 64 * 1024;

    public static void Write(string path, AudioClip clip, WavEncoding encoding = WavEncoding.Pcm16)
    {
        ArgumentNullException.ThrowIfNull(clip);
        WriteFile(path, clip.Samples, 1, clip.SampleRate, encoding);
    }

    public static void Write(Stream stream, AudioClip clip, WavEncoding encoding = WavEncoding.Pcm16)
    {
        ArgumentNullException.ThrowIfNull(clip);
        Write(stream, clip.Samples, 1, clip.SampleRate, encoding);
    }

    public static void Write(string path, InterleavedAudio audio, WavEncoding encoding = WavEncoding.Pcm16)
    {
        ArgumentNullException.ThrowIfNull(audio);
        WriteFile(path, audio.Samples, audio.Channels, audio.SampleRate, encoding);
    }

    public static void Write(Stream stream, InterleavedAudio audio, WavEncoding encoding = WavEncoding.Pcm16)
    {
        ArgumentNullException.ThrowIfNull(audio);
        Write(stream, audio.Samples, audio.Channels, audio.SampleRate, encoding);
    }

    private static void WriteFile(string path, float[] samples, int channels, int sampleRate, WavEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Write(stream, samples, channels, sampleRate, encoding);
    }

    private static void Write(Stream stream, float[] samples, int channels, int sampleRate, WavEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);

        var bytesPerSample = WavSampleEncoder.BytesPerSample(encoding);
        Span<byte> header = stackalloc byte[WavHeader.MaxLength];
        var headerLength = WavHeader.Write(header, encoding, channels, sampleRate, samples.Length / channels);
        stream.Write(header[..headerLength]);

        var perBlock = BlockBytes / bytesPerSample;
        var buffer = ArrayPool<byte>.Shared.Rent(perBlock * bytesPerSample);
        try
        {
            for (var start = 0; start < samples.Length; start += perBlock)
            {
                var part = samples.AsSpan(start, Math.Min(perBlock, samples.Length - start));
                var bytes = buffer.AsSpan(0, part.Length * bytesPerSample);
                WavSampleEncoder.Encode(encoding, part, bytes);
                stream.Write(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (((long)samples.Length * bytesPerSample & 1) == 1) stream.WriteByte(0); // pad an odd data chunk
        stream.Flush();
    }
}
