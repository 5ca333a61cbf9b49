using System.Runtime.InteropServices;
using System.Text;
using AgCc.Core.Alignments;
using AgCc.Core.Formats;
using AgCc.Core.Landmarks;

namespace AgCc.Core.Corpora.Ingestion;

/// <summary>
/// The binary artifact of one ingestion batch: a magic and version, then each utterance's labels,
/// file references, alignment, normalised trajectory and gesture segments, little-endian, floats
/// written as raw spans. One blob per batch keeps ingestion to one storage round trip per batch.
/// </summary>
public static class UtteranceBatchFormat
{
    private static ReadOnlySpan<byte> Magic => "AGCCUB"u8;
    public const ushort Version = 1;

    public static byte[] Write(IReadOnlyList<IngestedUtterance> utterances)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(utterances.Count);
            foreach (var u in utterances) WriteUtterance(w, u);
        }
        return buffer.ToArray();
    }

    public static IReadOnlyList<IngestedUtterance> Read(ReadOnlySpan<byte> content, string name)
    {
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        using var r = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) throw new InputException(name, "byte 0", "not an utterance batch");
            var version = r.ReadUInt16();
            if (version != Version) throw new InputException(name, "byte 6", $"batch format version {version}; this build reads {Version}");
            var count = r.ReadInt32();
            var utterances = new IngestedUtterance[count];
            for (var i = 0; i < count; i++) utterances[i] = ReadUtterance(r);
            return utterances;
        }
        catch (EndOfStreamException e)
        {
            throw new InputException(name, $"byte {stream.Position}", "the batch ends early", e);
        }
    }

    private static void WriteUtterance(BinaryWriter w, IngestedUtterance u)
    {
        var s = u.Source;
        w.Write(s.Id);
        w.Write(s.Speaker);
        w.Write((int)s.Emotion);
        WriteNullable(w, s.Sentence);
        w.Write(s.AudioPath);
        w.Write(s.LandmarksPath);
        w.Write(s.AlignmentPath);
        w.Write(u.AudioDuration);
        w.Write(u.AudioSampleRate);
        WriteIntervals(w, u.Alignment.Words);
        WriteIntervals(w, u.Alignment.Phones);
        w.Write((int)u.Normalization);
        w.Write(u.TrackTimestamps.Length);
        w.Write(MemoryMarshal.AsBytes(u.TrackTimestamps.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(u.TrackValues.AsSpan()));
        w.Write(u.Segments.Count);
        foreach (var segment in u.Segments)
        {
            w.Write(segment.Phone);
            w.Write(segment.Start);
            w.Write(segment.End);
            w.Write(segment.Frames);
            w.Write(MemoryMarshal.AsBytes(segment.Values.AsSpan()));
        }
    }

    private static IngestedUtterance ReadUtterance(BinaryReader r)
    {
        var source = new UtteranceSource(
            Id: r.ReadString(), Speaker: r.ReadString(), Emotion: (Emotion)r.ReadInt32(), Sentence: ReadNullable(r) is var sentence ? sentence : null,
            AudioPath: r.ReadString(), LandmarksPath: r.ReadString(), AlignmentPath: r.ReadString());
        var duration = r.ReadDouble();
        var sampleRate = r.ReadInt32();
        var alignment = new PhoneAlignment(ReadIntervals(r), ReadIntervals(r));
        var normalization = (LandmarkNormalization)r.ReadInt32();
        var frames = r.ReadInt32();
        var timestamps = ReadArray<double>(r, frames);
        var values = ReadArray<float>(r, frames * MouthTrack.ValuesPerFrame);
        var segments = new GestureSegment[r.ReadInt32()];
        for (var i = 0; i < segments.Length; i++)
        {
            var (phone, start, end, count) = (r.ReadString(), r.ReadDouble(), r.ReadDouble(), r.ReadInt32());
            segments[i] = new GestureSegment(phone, start, end, count, ReadArray<float>(r, count * MouthTrack.ValuesPerFrame));
        }
        return new IngestedUtterance(source, duration, sampleRate, alignment, normalization, timestamps, values, segments);
    }

    private static void WriteIntervals(BinaryWriter w, IReadOnlyList<Interval> intervals)
    {
        w.Write(intervals.Count);
        foreach (var i in intervals)
        {
            w.Write(i.Start);
            w.Write(i.End);
            w.Write(i.Label);
        }
    }

    private static Interval[] ReadIntervals(BinaryReader r)
    {
        var intervals = new Interval[r.ReadInt32()];
        for (var i = 0; i < intervals.Length; i++) intervals[i] = new Interval(r.ReadDouble(), r.ReadDouble(), r.ReadString());
        return intervals;
    }

    private static void WriteNullable(BinaryWriter w, string? text)
    {
        w.Write(text is not null);
        if (text is not null) w.Write(text);
    }

    private static string? ReadNullable(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static T[] ReadArray<T>(BinaryReader r, int count) where T : unmanaged
    {
        var array = new T[count];
        var bytes = MemoryMarshal.AsBytes(array.AsSpan());
        if (r.Read(bytes) != bytes.Length) throw new EndOfStreamException();
        return array;
    }
}
