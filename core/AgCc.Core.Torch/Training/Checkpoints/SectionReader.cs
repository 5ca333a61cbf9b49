using System.Runtime.InteropServices;
using System.Text;

namespace AgCc.Core.Torch.Training.Checkpoints;

/// <summary>A BinaryReader over one section's payload, without copying it out of the checkpoint's array.</summary>
internal static class SectionReader
{
    public static BinaryReader Open(ReadOnlyMemory<byte> payload)
    {
        var stream = MemoryMarshal.TryGetArray(payload, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(payload.ToArray(), writable: false);
        return new BinaryReader(stream, Encoding.UTF8);
    }

    /// <summary>Trailing bytes mean the section was written by something else: refuse rather than guess.</summary>
    /// <exception cref="FormatException">Bytes remain after the section's content.</exception>
    public static void EnsureEnd(BinaryReader reader)
    {
        var left = reader.BaseStream.Length - reader.BaseStream.Position;
        if (left != 0) throw new FormatException($"{left} bytes after its content");
    }
}
