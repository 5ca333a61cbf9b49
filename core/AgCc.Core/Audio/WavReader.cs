using System.Buffers;
using AgCc.Core.Formats;

namespace AgCc.Core.Audio;

/// <summary>
/// Reads RIFF/WAVE files as the corpora ship them and as other tools write them: PCM 8/16/24/32-bit,
/// IEEE float 32/64, WAVE_FORMAT_EXTENSIBLE with a PCM or float subformat, any channel count and
/// any chunks besides <c>fmt</c> and <c>data</c> (skipped). Every problem with a file's content is an
/// <see cref="InputException"/> naming the file, the place (<c>byte 0</c>, <c>chunk fmt</c>,
/// <c>chunk data</c>, …) and what was expected; I/O failures (a missing file) stay what they are.
/// </summary>
/// <remarks>
/// Integer samples are scaled by 2^(bits−1) (full-scale negative is −1; 8-bit is unsigned around 128),
/// floats are returned as stored. The RIFF size field is not trusted: see
/// <c>RiffChunkWalker</c> for that and the other leniencies (missing pad bytes, a streaming
/// writer's 0xFFFFFFFF data size). The samples are decoded in 64 KiB blocks straight from the
/// stream into the result array.
/// </remarks>
public static class WavReader
{
    private const int BlockBytes = 64 * 1024;

    /// <summary>The file's audio mixed down to mono: the mean of the channels, frame by frame.</summary>
    public static AudioClip Read(string path) => WithFile(path, Read);

    /// <summary>The stream's audio (from its current position) mixed down to mono.</summary>
    /// <param name="file">The name errors give for the stream.</param>
    public static AudioClip Read(Stream stream, string file) => WithSeekable(stream, file, (s, layout) =>
        new AudioClip(Decode(s, layout, file, mono: true), layout.Format.SampleRate));

    /// <summary>The file's audio with its channels kept, interleaved.</summary>
    public static InterleavedAudio ReadInterleaved(string path) => WithFile(path, ReadInterleaved);

    /// <summary>The stream's audio (from its current position) with its channels kept, interleaved.</summary>
    /// <param name="file">The name errors give for the stream.</param>
    public static InterleavedAudio ReadInterleaved(Stream stream, string file) => WithSeekable(stream, file, (s, layout) =>
        new InterleavedAudio(Decode(s, layout, file, mono: false), layout.Format.Channels, layout.Format.SampleRate));

    /// <summary>The format and length of the file's audio, validated, without decoding the samples.</summary>
    public static WavInfo ReadInfo(string path) => WithFile(path, ReadInfo);

    /// <summary>The format and length of the stream's audio, without decoding the samples.</summary>
    /// <param name="file">The name errors give for the stream.</param>
    public static WavInfo ReadInfo(Stream stream, string file) =>
        WithSeekable(stream, file, (_, layout) => new WavInfo(layout.Format, layout.FrameCount));

    private static T WithFile<T>(string path, Func<Stream, string, T> read)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return read(stream, path);
    }

    private static T WithSeekable<T>(Stream stream, string file, Func<Stream, WavLayout, T> read)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(file);
        if (stream.CanSeek) return read(stream, RiffChunkWalker.Walk(stream, file));

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return read(copy, RiffChunkWalker.Walk(copy, file));
    }

    private static float[] Decode(Stream stream, WavLayout layout, string file, bool mono)
    {
        var format = layout.Format;
        var frames = layout.FrameCount;
        var count = mono ? frames : frames * format.Channels;
        if (count > Array.MaxLength)
            throw new InputException(file, "chunk data", $"the chunk holds {frames} frames; at most {Array.MaxLength / (mono ? 1 : format.Channels)} can be read at once");

        var result = new float[count];
        var framesPerBlock = Math.Max(1, BlockBytes / format.BlockAlign);
        var buffer = ArrayPool<byte>.Shared.Rent(framesPerBlock * format.BlockAlign);
        try
        {
            stream.Position = layout.DataOffset;
            var done = 0;
            while (done < frames)
            {
                var n = (int)Math.Min(framesPerBlock, frames - done);
                var bytes = buffer.AsSpan(0, n * format.BlockAlign);
                try
                {
                    stream.ReadExactly(bytes);
                }
                catch (EndOfStreamException e)
                {
                    throw new InputException(file, "chunk data", $"the file ended after {(long)done * format.BlockAlign} of {layout.DataLength} bytes of samples", e);
                }
                if (mono) WavSampleDecoder.DecodeMono(format, bytes, result.AsSpan(done, n));
                else WavSampleDecoder.DecodeInterleaved(format, bytes, result.AsSpan(done * format.Channels, n * format.Channels));
                done += n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return result;
    }
}
