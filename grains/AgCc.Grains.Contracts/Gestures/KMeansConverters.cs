using System.Runtime.InteropServices;
using AgCc.Core.Gestures;

namespace AgCc.Grains.Gestures;

// core/ knows nothing of Orleans: the k-means records cross the wire through these surrogates.
// Their double arrays travel as raw bytes (exact, and a block copy for the serializer, which
// otherwise encodes a double[] value by value: most of the cost of a cross-silo round).

internal static class RawDoubles
{
    public static byte[] ToBytes(double[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    public static double[] FromBytes(byte[] bytes) => MemoryMarshal.Cast<byte, double>(bytes).ToArray();
}

[GenerateSerializer]
public struct TimeSeriesSurrogate
{
    [Id(0)] public int Length;
    [Id(1)] public int Dimensions;
    [Id(2)] public byte[] Values;
}

[RegisterConverter]
public sealed class TimeSeriesConverter : IConverter<TimeSeries, TimeSeriesSurrogate>
{
    public TimeSeries ConvertFromSurrogate(in TimeSeriesSurrogate s) => new(s.Length, s.Dimensions, RawDoubles.FromBytes(s.Values));

    public TimeSeriesSurrogate ConvertToSurrogate(in TimeSeries t) =>
        new() { Length = t.Length, Dimensions = t.Dimensions, Values = RawDoubles.ToBytes(t.Values) };
}

[GenerateSerializer]
public struct KMeansPartitionShapeSurrogate
{
    [Id(0)] public int Count;
    [Id(1)] public int MaxLength;
    [Id(2)] public int Dimensions;
}

[RegisterConverter]
public sealed class KMeansPartitionShapeConverter : IConverter<KMeansPartitionShape, KMeansPartitionShapeSurrogate>
{
    public KMeansPartitionShape ConvertFromSurrogate(in KMeansPartitionShapeSurrogate s) => new(s.Count, s.MaxLength, s.Dimensions);

    public KMeansPartitionShapeSurrogate ConvertToSurrogate(in KMeansPartitionShape v) => new() { Count = v.Count, MaxLength = v.MaxLength, Dimensions = v.Dimensions };
}

[GenerateSerializer]
public struct KMeansAssignmentSurrogate
{
    [Id(0)] public int[] Labels;
    [Id(1)] public byte[] Distances;
}

[RegisterConverter]
public sealed class KMeansAssignmentConverter : IConverter<KMeansAssignment, KMeansAssignmentSurrogate>
{
    public KMeansAssignment ConvertFromSurrogate(in KMeansAssignmentSurrogate s) => new(s.Labels, RawDoubles.FromBytes(s.Distances));

    public KMeansAssignmentSurrogate ConvertToSurrogate(in KMeansAssignment v) => new() { Labels = v.Labels, Distances = RawDoubles.ToBytes(v.Distances) };
}

[GenerateSerializer]
public struct BarycenterRequestSurrogate
{
    [Id(0)] public int Cluster;
    [Id(1)] public TimeSeries Center;
}

[RegisterConverter]
public sealed class BarycenterRequestConverter : IConverter<BarycenterRequest, BarycenterRequestSurrogate>
{
    public BarycenterRequest ConvertFromSurrogate(in BarycenterRequestSurrogate s) => new(s.Cluster, s.Center);

    public BarycenterRequestSurrogate ConvertToSurrogate(in BarycenterRequest v) => new() { Cluster = v.Cluster, Center = v.Center };
}

[GenerateSerializer]
public struct BarycenterPartialSurrogate
{
    [Id(0)] public double Value;
    [Id(1)] public byte[] Gradient;
    [Id(2)] public int Members;
}

[RegisterConverter]
public sealed class BarycenterPartialConverter : IConverter<BarycenterPartial, BarycenterPartialSurrogate>
{
    public BarycenterPartial ConvertFromSurrogate(in BarycenterPartialSurrogate s) => new(s.Value, RawDoubles.FromBytes(s.Gradient), s.Members);

    public BarycenterPartialSurrogate ConvertToSurrogate(in BarycenterPartial v) =>
        new() { Value = v.Value, Gradient = RawDoubles.ToBytes(v.Gradient), Members = v.Members };
}
