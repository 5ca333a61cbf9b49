using System.Buffers.Binary;

namespace AgCc.Core.Gestures;

/// <summary>
/// A compact store of many series with the same dimensions: "AGTS", version, count, dimensions,
/// then per series its length and its values as little-endian float32 (gesture segments are
/// float32 from ingestion, so nothing is lost; they widen to double on reading).
/// </summary>
public static class TimeSeriesBinary
{
    internal const uint Magic = 0x53544741; // "AGTS"
    internal const int Version = 1;

    public static byte[] Write(IReadOnlyList<TimeSeries> series, int dimensions)
    {
        var writer = new TimeSeriesBinaryWriter(series.Count, dimensions);
        foreach (var s in series)
        {
            if (s.Dimensions != dimensions) throw new ArgumentException($"a series has {s.Dimensions} dimensions, not {dimensions}", nameof(series));
            writer.Add(s.Values, s.Length);
        }
        return writer.Complete();
    }

    /// <param name="name">Named in errors.</param>
    public static IReadOnlyList<TimeSeries> Read(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.Length < 16 || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic) throw new InvalidDataException($"{name}: not a time-series file");
        var version = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (version != Version) throw new InvalidDataException($"{name}: version {version}, expected {Version}");
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        var dimensions = BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]);
        if (count < 0 || dimensions < 1) throw new InvalidDataException($"{name}: {count} series of {dimensions} dimensions");
        var series = new TimeSeries[count];
        var at = 16;
        for (var i = 0; i < count; i++)
        {
            if (at + 4 > bytes.Length) throw new InvalidDataException($"{name}: truncated at series {i}");
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
            at += 4;
            var n = (long)length * dimensions;
            if (length < 1 || at + 4 * n > bytes.Length) throw new InvalidDataException($"{name}: series {i} has a bad length {length}");
            var values = new double[n];
            for (var k = 0; k < n; k++, at += 4) values[k] = BinaryPrimitives.ReadSingleLittleEndian(bytes[at..]);
            series[i] = new TimeSeries(length, dimensions, values);
        }
        if (at != bytes.Length) throw new InvalidDataException($"{name}: {bytes.Length - at} bytes after the last series");
        return series;
    }
}
