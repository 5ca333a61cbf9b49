namespace AgCc.Core.Gestures;

/// <summary>The partitions' shapes and offsets: global series index ↔ (partition, index in it).</summary>
internal sealed class KMeansLayout
{
    private KMeansLayout(KMeansPartitionShape[] shapes)
    {
        Shapes = shapes;
        Offsets = new int[shapes.Length + 1];
        for (var p = 0; p < shapes.Length; p++) Offsets[p + 1] = Offsets[p] + shapes[p].Count;
        var nonEmpty = shapes.Where(s => s.Count > 0).ToArray();
        Dimensions = nonEmpty.Length > 0 ? nonEmpty[0].Dimensions : 0;
        if (nonEmpty.Any(s => s.Dimensions != Dimensions)) throw new ArgumentException("series differ in dimensions");
        MaxLength = nonEmpty.Length > 0 ? nonEmpty.Max(s => s.MaxLength) : 0;
    }

    public KMeansPartitionShape[] Shapes { get; }

    /// <summary>Offsets[p] is partition p's first global index; Offsets[^1] the total.</summary>
    public int[] Offsets { get; }

    public int Total => Offsets[^1];

    public int Dimensions { get; }

    public int MaxLength { get; }

    public static async Task<KMeansLayout> OfAsync(IKMeansPartitions partitions, CancellationToken cancellationToken)
    {
        var shapes = new KMeansPartitionShape[partitions.Count];
        for (var p = 0; p < shapes.Length; p++) shapes[p] = await partitions.ShapeAsync(p, cancellationToken);
        return new KMeansLayout(shapes);
    }

    public (int Partition, int Index) Locate(int global)
    {
        var p = Array.BinarySearch(Offsets, global);
        if (p < 0) p = ~p - 1;
        while (Shapes[p].Count == 0) p++; // several offsets equal: the non-empty partition starting there
        return (p, global - Offsets[p]);
    }

    public ValueTask<TimeSeries> SeriesAsync(IKMeansPartitions partitions, int global, CancellationToken cancellationToken)
    {
        var (p, i) = Locate(global);
        return partitions.SeriesAsync(p, i, cancellationToken);
    }

    /// <summary>Calls every partition at once and concatenates their per-series arrays in partition order.</summary>
    public async Task<T[]> GatherAsync<T>(Func<int, ValueTask<T[]>> call)
    {
        var parts = await Task.WhenAll(Enumerable.Range(0, Shapes.Length).Select(p => call(p).AsTask()));
        var all = new T[Total];
        for (var p = 0; p < parts.Length; p++)
        {
            if (parts[p].Length != Shapes[p].Count) throw new InvalidOperationException($"partition {p} returned {parts[p].Length} values for {Shapes[p].Count} series");
            parts[p].CopyTo(all, Offsets[p]);
        }
        return all;
    }
}
