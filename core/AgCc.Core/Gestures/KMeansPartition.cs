namespace AgCc.Core.Gestures;

/// <summary>
/// One partition's share of a soft-DTW k-means fit: its series and the work on them (assignment,
/// barycentre sums, k-means++ values), in parallel over the cores of this process. The grouping of
/// members per cluster is kept while the labels stay the same (the ~10–30 barycentre evaluations of
/// an iteration share it). Not thread-safe: one call at a time.
/// </summary>
public sealed class KMeansPartition
{
    private readonly TimeSeries[] series;
    private readonly ParallelOptions parallel;
    private int[]? groupedLabels;
    private double groupedGamma;
    private int groupedLength;
    private readonly Dictionary<int, BarycenterObjective> objectives = [];

    public KMeansPartition(IReadOnlyList<TimeSeries> series, ParallelOptions? parallel = null)
    {
        this.series = [.. series];
        this.parallel = parallel ?? new ParallelOptions();
        var dimensions = this.series.Length > 0 ? this.series[0].Dimensions : 0;
        if (this.series.Any(s => s.Dimensions != dimensions)) throw new ArgumentException("series differ in dimensions", nameof(series));
        Shape = new KMeansPartitionShape(this.series.Length, this.series.Length > 0 ? this.series.Max(s => s.Length) : 0, dimensions);
    }

    public KMeansPartitionShape Shape { get; }

    public TimeSeries this[int index] => series[index];

    public double[] SelfValues(double gamma)
    {
        var values = new double[series.Length];
        Parallel.For(0, series.Length, parallel, i => values[i] = SoftDtw.Value(series[i], series[i], gamma));
        return values;
    }

    public double[] ValuesTo(TimeSeries center, double gamma)
    {
        var values = new double[series.Length];
        if (!SoftDtwBatch.IsAccelerated)
        {
            Parallel.For(0, series.Length, parallel, i => values[i] = SoftDtw.Value(series[i], center, gamma));
            return values;
        }
        Parallel.For(0, Chunks, parallel, chunk =>
        {
            var (first, count) = Chunk(chunk);
            SoftDtwBatch.Values(center, series, first, count, gamma, values.AsSpan(first, count));
        });
        return values;
    }

    /// <summary>
    /// Labels (the first smallest soft-DTW, numpy's argmin) and soft-DTW to every centre. Each
    /// centre runs against a chunk of <see cref="SoftDtwBatch.Lanes"/> series (sdtw is symmetric):
    /// every lane is busy whatever k is, and the chunk's frames are prepared once for all centres.
    /// </summary>
    public KMeansAssignment Assign(IReadOnlyList<TimeSeries> centers, double gamma)
    {
        var k = centers.Count;
        var labels = new int[series.Length];
        var distances = new double[series.Length * k];
        if (SoftDtwBatch.IsAccelerated)
        {
            Parallel.For(0, Chunks, parallel, chunk =>
            {
                var (first, count) = Chunk(chunk);
                Span<double> values = stackalloc double[SoftDtwBatch.Lanes];
                for (var c = 0; c < k; c++)
                {
                    SoftDtwBatch.Values(centers[c], series, first, count, gamma, values);
                    for (var l = 0; l < count; l++) distances[(first + l) * k + c] = values[l];
                }
            });
        }
        else
        {
            Parallel.For(0, series.Length, parallel, i =>
            {
                for (var c = 0; c < k; c++) distances[i * k + c] = SoftDtw.Value(series[i], centers[c], gamma);
            });
        }
        for (var i = 0; i < series.Length; i++)
        {
            var row = distances.AsSpan(i * k, k);
            var best = 0;
            for (var c = 1; c < k; c++)
                if (row[c] < row[best]) best = c; // the first smallest, numpy's argmin
            labels[i] = best;
        }
        return new KMeansAssignment(labels, distances);
    }

    private int Chunks => (series.Length + SoftDtwBatch.Lanes - 1) / SoftDtwBatch.Lanes;

    private (int First, int Count) Chunk(int chunk)
    {
        var first = chunk * SoftDtwBatch.Lanes;
        return (first, Math.Min(SoftDtwBatch.Lanes, series.Length - first));
    }

    public BarycenterPartial[] Evaluate(int[] labels, IReadOnlyList<BarycenterRequest> requests, double gamma)
    {
        if (labels.Length != series.Length) throw new ArgumentException($"{labels.Length} labels for {series.Length} series", nameof(labels));
        if (requests.Count == 0) return [];
        var length = requests[0].Center.Length;
        if (groupedLabels is null || groupedGamma != gamma || groupedLength != length || !labels.AsSpan().SequenceEqual(groupedLabels))
        {
            objectives.Clear();
            groupedLabels = (int[])labels.Clone();
            groupedGamma = gamma;
            groupedLength = length;
        }
        var results = new BarycenterPartial[requests.Count];
        Parallel.For(0, requests.Count, parallel, r =>
        {
            var request = requests[r];
            var objective = Objective(request.Cluster, request.Center, gamma);
            if (objective.Count == 0)
            {
                results[r] = new BarycenterPartial(0.0, [], 0);
                return;
            }
            var gradient = new double[request.Center.Values.Length];
            results[r] = new BarycenterPartial(objective.Evaluate(request.Center.Values, gradient), gradient, objective.Count);
        });
        return results;
    }

    private BarycenterObjective Objective(int cluster, TimeSeries center, double gamma)
    {
        lock (objectives)
        {
            if (objectives.TryGetValue(cluster, out var found)) return found;
            var members = new List<TimeSeries>();
            for (var i = 0; i < series.Length; i++)
                if (groupedLabels![i] == cluster) members.Add(series[i]);
            return objectives[cluster] = new BarycenterObjective(members, center.Length, center.Dimensions, gamma, parallel);
        }
    }
}
