using System.Runtime.InteropServices;
using System.Text;
using AgCc.Core.Formats;

namespace AgCc.Core.Features;

/// <summary>
/// The binary artifact of one batch of a feature set: a magic and version, the layout, then each
/// utterance's id, frame count, phones with their frame ranges and its float32 values,
/// little-endian. One blob per corpus batch keeps extraction and reading to one round trip each.
/// </summary>
public static class FeatureBatchFormat
{
    private static ReadOnlySpan<byte> Magic => "AGCCFB"u8;
    public const ushort Version = 1;

    public static byte[] Write(FeatureLayout layout, IReadOnlyList<UtteranceFeatures> utterances)
    {
        using var buffer = new MemoryStream(utterances.Sum(u => u.Values.Length * sizeof(float) + 64 + u.Phones.Count * 40));
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(layout.Planes);
            w.Write(layout.Dimensions);
            w.Write(layout.Timing.Rate);
            w.Write(layout.Timing.FirstCentre);
            w.Write(utterances.Count);
            foreach (var u in utterances)
            {
                if (u.Values.Length != (long)u.Frames * layout.ValuesPerFrame)
                    throw new ArgumentException($"{u.Utterance}: {u.Values.Length} values for {u.Frames} frames of {layout.Planes} × {layout.Dimensions}", nameof(utterances));
                w.Write(u.Utterance);
                w.Write(u.Frames);
                w.Write(u.Phones.Count);
                foreach (var p in u.Phones)
                {
                    w.Write(p.Phone);
                    w.Write(p.Start);
                    w.Write(p.End);
                    w.Write(p.FirstFrame);
                    w.Write(p.EndFrame);
                }
                w.Write(MemoryMarshal.AsBytes(u.Values.AsSpan()));
            }
        }
        return buffer.ToArray();
    }

    public static (FeatureLayout Layout, IReadOnlyList<UtteranceFeatures> Utterances) Read(ReadOnlySpan<byte> content, string name)
    {
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        using var r = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) throw new InputException(name, "byte 0", "not a feature batch");
            var version = r.ReadUInt16();
            if (version != Version) throw new InputException(name, "byte 6", $"feature batch format version {version}; this build reads {Version}");
            var layout = new FeatureLayout(r.ReadInt32(), r.ReadInt32(), new FrameTiming(r.ReadDouble(), r.ReadDouble()));
            if (layout.Planes < 1 || layout.Dimensions < 1) throw new InputException(name, "byte 8", $"a layout of {layout.Planes} × {layout.Dimensions}");
            var utterances = new UtteranceFeatures[r.ReadInt32()];
            for (var i = 0; i < utterances.Length; i++)
            {
                var (id, frames) = (r.ReadString(), r.ReadInt32());
                var phones = new PhoneFrames[r.ReadInt32()];
                for (var p = 0; p < phones.Length; p++) phones[p] = new PhoneFrames(r.ReadString(), r.ReadDouble(), r.ReadDouble(), r.ReadInt32(), r.ReadInt32());
                var values = new float[checked(frames * layout.ValuesPerFrame)];
                var bytes = MemoryMarshal.AsBytes(values.AsSpan());
                if (r.Read(bytes) != bytes.Length) throw new EndOfStreamException();
                utterances[i] = new UtteranceFeatures(id, frames, values, phones);
            }
            return (layout, utterances);
        }
        catch (EndOfStreamException e)
        {
            throw new InputException(name, $"byte {stream.Position}", "the feature batch ends early", e);
        }
    }
}
