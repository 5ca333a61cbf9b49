namespace AgCc.Core.Gestures;

/// <summary>
/// Time-series k-means with soft-DTW, tslearn's TimeSeriesKMeans(metric="softdtw") loop: assign
/// every series to the centre of smallest soft-DTW, update every centre by a soft-DTW barycentre of
/// its members started from the previous centre, stop when |Δinertia| &lt; tol or after max_iter.
/// Series keep their true lengths; centres have the longest series' length. Unlike tslearn (which
/// raises), an empty cluster takes the series that fits its own centre worst.
/// </summary>
/// <remarks>
/// The loop coordinates <see cref="IKMeansPartitions"/>, which do the work where the series are:
/// in this process (<see cref="Fit"/>) or in partition grains across silos. Every sum runs in a
/// fixed order, so a seed and a partition count give the same result whatever the thread count or
/// the machines. A <see cref="KMeansCheckpoint"/> is offered after every iteration; a fit started
/// from one continues exactly as the uninterrupted fit would have.
/// </remarks>
public static class TimeSeriesKMeans
{
    public static TimeSeriesKMeansResult Fit(IReadOnlyList<TimeSeries> series, TimeSeriesKMeansOptions options)
    {
        if (series.Count == 0) throw new ArgumentException("no series to cluster", nameof(series));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        var partitions = new LocalKMeansPartitions(series, Math.Min(options.Partitions, series.Count), parallel);
        return FitAsync(partitions, options).GetAwaiter().GetResult();
    }

    /// <param name="resume">Continue from this checkpoint instead of choosing initial centres.</param>
    /// <param name="onCheckpoint">Called with the initial centres and after every iteration, before the next starts.</param>
    public static async Task<TimeSeriesKMeansResult> FitAsync(
        IKMeansPartitions partitions,
        TimeSeriesKMeansOptions options,
        KMeansCheckpoint? resume = null,
        Func<KMeansCheckpoint, ValueTask>? onCheckpoint = null,
        CancellationToken cancellationToken = default)
    {
        var layout = await KMeansLayout.OfAsync(partitions, cancellationToken);
        var n = layout.Total;
        var k = options.Clusters;
        if (n == 0) throw new ArgumentException("no series to cluster", nameof(partitions));
        if (k < 1 || k > n) throw new ArgumentOutOfRangeException(nameof(options), k, $"k must be between 1 and the number of series ({n})");

        var state = resume ?? new KMeansCheckpoint(0, await InitialCentersAsync(partitions, layout, options, cancellationToken), [], [], [], 0, Converged: false);
        if (state.Centers.Count != k || state.Centers.Any(c => c.Length != layout.MaxLength || c.Dimensions != layout.Dimensions))
            throw new ArgumentException($"the checkpoint's centres do not fit k = {k}, {layout.MaxLength} frames × {layout.Dimensions}", nameof(resume));
        if (resume is null && onCheckpoint is not null) await onCheckpoint(state);

        var barycenterOptions = new LbfgsOptions(MaxIterations: options.MaxIterationsBarycenter,
            FunctionTolerance: options.BarycenterTolerance, GradientTolerance: options.BarycenterTolerance);
        while (!state.IsFinal(options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var centers = state.Centers.ToArray();
            var (labels, distances) = await AssignAsync(partitions, layout, centers, options.Gamma, cancellationToken);
            var refilled = await RefillEmptyAsync(partitions, layout, centers, options.Gamma, distances, labels, cancellationToken);
            var inertia = Inertia(distances, labels);
            var moved = state.Labels.Length == n ? labels.Where((label, i) => label != state.Labels[i]).Count() : n;

            var perPartition = new int[partitions.Count][];
            for (var p = 0; p < perPartition.Length; p++) perPartition[p] = labels[layout.Offsets[p]..layout.Offsets[p + 1]];
            var nonEmpty = Enumerable.Range(0, k).Where(c => labels.Contains(c)).ToArray();
            var rounds = new BarycenterRounds(partitions, perPartition, layout.Dimensions, options.Gamma, barycenterOptions, cancellationToken);
            var updated = await rounds.UpdateAsync(centers, nonEmpty);

            var previous = state.Inertia;
            state = new KMeansCheckpoint(
                state.Iteration + 1,
                updated,
                [.. state.InertiaTrace, inertia],
                [.. state.MovedTrace, moved],
                labels,
                state.EmptyClustersRefilled + refilled,
                Converged: Math.Abs(previous - inertia) < options.Tolerance);
            if (onCheckpoint is not null) await onCheckpoint(state);
        }

        var (finalLabels, finalDistances) = await AssignAsync(partitions, layout, state.Centers, options.Gamma, cancellationToken);
        return new TimeSeriesKMeansResult(state.Inertia, state.Iteration, finalLabels, state.Centers, finalDistances,
            state.InertiaTrace, state.EmptyClustersRefilled, state.MovedTrace);
    }

    private static async Task<TimeSeries[]> InitialCentersAsync(IKMeansPartitions partitions, KMeansLayout layout, TimeSeriesKMeansOptions options, CancellationToken cancellationToken)
    {
        var k = options.Clusters;
        IReadOnlyList<TimeSeries> initial;
        if (options.InitialCenters is { } given)
        {
            if (given.Count != k) throw new ArgumentException($"{given.Count} initial centres for k = {k}", nameof(options));
            if (given.Any(c => c.Dimensions != layout.Dimensions)) throw new ArgumentException($"initial centres must have {layout.Dimensions} dimensions", nameof(options));
            initial = given;
        }
        else
        {
            var chosen = options.Init == KMeansInit.First
                ? Enumerable.Range(0, k).ToArray()
                : await KMeansPlusPlus.ChooseAsync(partitions, k, options.Gamma, options.Seed, cancellationToken);
            var series = new TimeSeries[k];
            for (var c = 0; c < k; c++) series[c] = await layout.SeriesAsync(partitions, chosen[c], cancellationToken);
            initial = series;
        }
        return [.. initial.Select(c => c.Length == layout.MaxLength ? c.Copy() : Resampling.Linear(c, layout.MaxLength))];
    }

    /// <summary>Labels (the first smallest soft-DTW, numpy's argmin) and soft-DTW to every centre, per series of the partitions.</summary>
    public static async Task<(int[] Labels, double[][] Distances)> AssignAsync(
        IKMeansPartitions partitions, IReadOnlyList<TimeSeries> centers, double gamma, CancellationToken cancellationToken = default) =>
        await AssignAsync(partitions, await KMeansLayout.OfAsync(partitions, cancellationToken), centers, gamma, cancellationToken);

    private static async Task<(int[] Labels, double[][] Distances)> AssignAsync(
        IKMeansPartitions partitions, KMeansLayout layout, IReadOnlyList<TimeSeries> centers, double gamma, CancellationToken cancellationToken)
    {
        var k = centers.Count;
        var parts = await Task.WhenAll(Enumerable.Range(0, partitions.Count).Select(p => partitions.AssignAsync(p, centers, gamma, cancellationToken).AsTask()));
        var labels = new int[layout.Total];
        var distances = new double[layout.Total][];
        for (var p = 0; p < parts.Length; p++)
        {
            var count = layout.Shapes[p].Count;
            if (parts[p].Labels.Length != count || parts[p].Distances.Length != count * k)
                throw new InvalidOperationException($"partition {p} returned an assignment of the wrong size");
            for (var i = 0; i < count; i++)
            {
                labels[layout.Offsets[p] + i] = parts[p].Labels[i];
                distances[layout.Offsets[p] + i] = parts[p].Distances[(i * k)..((i + 1) * k)];
            }
        }
        return (labels, distances);
    }

    /// <summary>Gives each empty cluster the series farthest from its centre (among clusters of two or more).</summary>
    private static async Task<int> RefillEmptyAsync(IKMeansPartitions partitions, KMeansLayout layout, TimeSeries[] centers, double gamma,
        double[][] distances, int[] labels, CancellationToken cancellationToken)
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
            var series = await layout.SeriesAsync(partitions, worst, cancellationToken);
            sizes[labels[worst]]--;
            centers[c] = Resampling.Linear(series, layout.MaxLength);
            labels[worst] = c;
            sizes[c] = 1;
            distances[worst][c] = SoftDtw.Value(series, centers[c], gamma);
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
}
