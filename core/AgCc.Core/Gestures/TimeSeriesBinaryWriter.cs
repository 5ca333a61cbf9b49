using System.Buffers.Binary;

namespace AgCc.Core.Gestures;

/// <summary>
/// Writes a <see cref="TimeSeriesBinary"/> file series by series, so a large set never has to be
/// held as <see cref="TimeSeries"/> (doubles) at once: the buffer holds only the float32 bytes.
/// </summary>
public sealed class TimeSeriesBinaryWriter
{
    private readonly MemoryStream buffer = new();
    private readonly int count;
    private readonly int dimensions;
    private int written;

    public TimeSeriesBinaryWriter(int count, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        (this.count, this.dimensions) = (count, dimensions);
        Span<byte> header = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(header, TimeSeriesBinary.Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], TimeSeriesBinary.Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], count);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], dimensions);
        buffer.Write(header);
    }

    public int Written => written;

    public void Add(ReadOnlySpan<float> values, int length)
    {
        Begin(length, values.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var v in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes, v);
            buffer.Write(bytes);
        }
    }

    public void Add(ReadOnlySpan<double> values, int length)
    {
        Begin(length, values.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var v in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes, (float)v);
            buffer.Write(bytes);
        }
    }

    private void Begin(int length, int valueCount)
    {
        if (written == count) throw new InvalidOperationException($"all {count} series are written");
        if (length < 1 || valueCount != length * dimensions) throw new ArgumentException($"expected {length} × {dimensions} values, got {valueCount}");
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, length);
        buffer.Write(bytes);
        written++;
    }

    /// <summary>The file's bytes; fails unless exactly the announced number of series was written.</summary>
    public byte[] Complete()
    {
        if (written != count) throw new InvalidOperationException($"{written} of {count} series written");
        return buffer.ToArray();
    }
}
