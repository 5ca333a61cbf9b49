namespace AgCc.Core.Gestures;

/// <summary>
/// Time-series k-means with soft-DTW, tslearn's TimeSeriesKMeans(metric="softdtw") loop: assign
/// every series to the centre of smallest soft-DTW, update every centre by a soft-DTW barycentre of
/// its members started from the previous centre, stop when |Δinertia| &lt; tol or after max_iter.
/// Series keep their true lengths; centres have the longest series' length. Unlike tslearn (which
/// raises), an empty cluster takes the series that fits its own centre worst. Series are assigned
/// in parallel and clusters updated in parallel; every sum runs in index order, so a seed gives the
/// same result whatever the thread count.
/// </summary>
public static class TimeSeriesKMeans
{
    public static TimeSeriesKMeansResult Fit(IReadOnlyList<TimeSeries> series, TimeSeriesKMeansOptions options)
    {
        var n = series.Count;
        var k = options.Clusters;
        if (n == 0) throw new ArgumentException("no series to cluster", nameof(series));
        if (k < 1 || k > n) throw new ArgumentOutOfRangeException(nameof(options), k, $"k must be between 1 and the number of series ({n})");
        var d = series[0].Dimensions;
        if (series.Any(s => s.Dimensions != d)) throw new ArgumentException("series differ in dimensions", nameof(series));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        var length = series.Max(s => s.Length);

        var centers = InitialCenters(series, options, length, parallel);
        var distances = new double[n][];
        for (var i = 0; i < n; i++) distances[i] = new double[k];
        var labels = new int[n];
        var trace = new List<double>();
        var refilled = 0;
        var previous = double.PositiveInfinity;
        var inertia = double.NaN;
        var iterations = 0;
        for (var iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            Assign(series, centers, options.Gamma, distances, labels, parallel);
            refilled += RefillEmpty(series, centers, options.Gamma, length, distances, labels);
            inertia = Inertia(distances, labels);
            trace.Add(inertia);
            Update(series, centers, labels, options, parallel);
            iterations = iteration + 1;
            if (Math.Abs(previous - inertia) < options.Tolerance) break;
            previous = inertia;
        }
        Assign(series, centers, options.Gamma, distances, labels, parallel);
        return new TimeSeriesKMeansResult(inertia, iterations, labels, centers, distances, trace, refilled);
    }

    private static TimeSeries[] InitialCenters(IReadOnlyList<TimeSeries> series, TimeSeriesKMeansOptions options, int length, ParallelOptions parallel)
    {
        var k = options.Clusters;
        IReadOnlyList<TimeSeries> initial;
        if (options.InitialCenters is { } given)
        {
            if (given.Count != k) throw new ArgumentException($"{given.Count} initial centres for k = {k}", nameof(options));
            initial = given;
        }
        else if (options.Init == KMeansInit.First)
        {
            initial = [.. series.Take(k)];
        }
        else
        {
            initial = [.. KMeansPlusPlus.Choose(series, k, options.Gamma, options.Seed, parallel).Select(i => series[i])];
        }
        return [.. initial.Select(c => c.Length == length ? c.Copy() : Resampling.Linear(c, length))];
    }

    /// <summary>soft-DTW to every centre; the label is the first smallest (numpy's argmin).</summary>
    private static void Assign(IReadOnlyList<TimeSeries> series, TimeSeries[] centers, double gamma, double[][] distances, int[] labels, ParallelOptions parallel) =>
        Parallel.For(0, series.Count, parallel, i =>
        {
            var row = distances[i];
            if (SoftDtwBatch.IsAccelerated)
            {
                for (var c = 0; c < centers.Length; c += SoftDtwBatch.Lanes)
                    SoftDtwBatch.Values(series[i], centers, c, Math.Min(SoftDtwBatch.Lanes, centers.Length - c), gamma, row.AsSpan(c));
            }
            else
            {
                for (var c = 0; c < centers.Length; c++) row[c] = SoftDtw.Value(series[i], centers[c], gamma);
            }
            var best = 0;
            for (var c = 1; c < centers.Length; c++)
                if (row[c] < row[best]) best = c;
            labels[i] = best;
        });

    /// <summary>Gives each empty cluster the series farthest from its centre (among clusters of two or more).</summary>
    private static int RefillEmpty(IReadOnlyList<TimeSeries> series, TimeSeries[] centers, double gamma, int length, double[][] distances, int[] labels)
    {
        var refilled = 0;
        var sizes = new int[centers.Length];
        foreach (var label in labels) sizes[label]++;
        for (var c = 0; c < centers.Length; c++)
        {
            if (sizes[c] > 0) continue;
            var worst = -1;
            for (var i = 0; i < labels.Length; i++)
            {
                if (sizes[labels[i]] < 2) continue;
                if (worst < 0 || distances[i][labels[i]] > distances[worst][labels[worst]]) worst = i;
            }
            if (worst < 0) break; // k > number of distinct donors: cannot happen with k ≤ n
            sizes[labels[worst]]--;
            centers[c] = Resampling.Linear(series[worst], length);
            labels[worst] = c;
            sizes[c] = 1;
            distances[worst][c] = SoftDtw.Value(series[worst], centers[c], gamma);
            refilled++;
        }
        return refilled;
    }

    /// <summary>Mean over series of sdtw² to the assigned centre, summed in index order.</summary>
    private static double Inertia(double[][] distances, int[] labels)
    {
        var sum = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            var value = distances[i][labels[i]];
            sum += value * value;
        }
        return sum / labels.Length;
    }

    private static void Update(IReadOnlyList<TimeSeries> series, TimeSeries[] centers, int[] labels, TimeSeriesKMeansOptions options, ParallelOptions parallel)
    {
        var members = new List<TimeSeries>[centers.Length];
        for (var c = 0; c < centers.Length; c++) members[c] = [];
        for (var i = 0; i < labels.Length; i++) members[labels[i]].Add(series[i]);
        Parallel.For(0, centers.Length, parallel, c =>
        {
            if (members[c].Count == 0) return;
            centers[c] = SoftDtwBarycenter.Compute(members[c], centers[c], options.Gamma,
                options.MaxIterationsBarycenter, options.BarycenterTolerance, parallel).Center;
        });
    }
}
