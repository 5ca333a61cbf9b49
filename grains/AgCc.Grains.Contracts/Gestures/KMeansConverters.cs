using AgCc.Core.Gestures;

namespace AgCc.Grains.Gestures;

// core/ knows nothing of Orleans: the k-means records cross the wire through these surrogates.

[GenerateSerializer]
public struct TimeSeriesSurrogate
{
    [Id(0)] public int Length;
    [Id(1)] public int Dimensions;
    [Id(2)] public double[] Values;
}

[RegisterConverter]
public sealed class TimeSeriesConverter : IConverter<TimeSeries, TimeSeriesSurrogate>
{
    public TimeSeries ConvertFromSurrogate(in TimeSeriesSurrogate s) => new(s.Length, s.Dimensions, s.Values);

    public TimeSeriesSurrogate ConvertToSurrogate(in TimeSeries t) => new() { Length = t.Length, Dimensions = t.Dimensions, Values = t.Values };
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
    [Id(1)] public double[] Distances;
}

[RegisterConverter]
public sealed class KMeansAssignmentConverter : IConverter<KMeansAssignment, KMeansAssignmentSurrogate>
{
    public KMeansAssignment ConvertFromSurrogate(in KMeansAssignmentSurrogate s) => new(s.Labels, s.Distances);

    public KMeansAssignmentSurrogate ConvertToSurrogate(in KMeansAssignment v) => new() { Labels = v.Labels, Distances = v.Distances };
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
    [Id(1)] public double[] Gradient;
    [Id(2)] public int Members;
}

[RegisterConverter]
public sealed class BarycenterPartialConverter : IConverter<BarycenterPartial, BarycenterPartialSurrogate>
{
    public BarycenterPartial ConvertFromSurrogate(in BarycenterPartialSurrogate s) => new(s.Value, s.Gradient, s.Members);

    public BarycenterPartialSurrogate ConvertToSurrogate(in BarycenterPartial v) => new() { Value = v.Value, Gradient = v.Gradient, Members = v.Members };
}
