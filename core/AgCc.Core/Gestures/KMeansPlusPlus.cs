namespace AgCc.Core.Gestures;

/// <summary>
/// k-means++ seeding (Arthur &amp; Vassilvitskii 2007) with one candidate per step: the next centre is
/// drawn with probability proportional to its soft-DTW divergence
/// D(x, c) = sdtw(x, c) − (sdtw(x, x) + sdtw(c, c))/2 ≥ 0 to the nearest chosen centre (raw soft-DTW
/// can be negative, so it cannot weight a draw). System.Random(seed) makes it reproducible; every
/// divergence is computed per series, so the draw depends neither on the thread count nor on how
/// the series are partitioned.
/// </summary>
public static class KMeansPlusPlus
{
    /// <summary>Indices of the k chosen series, in the order chosen.</summary>
    public static int[] Choose(IReadOnlyList<TimeSeries> series, int k, double gamma, int seed, ParallelOptions? parallel = null) =>
        ChooseAsync(new LocalKMeansPartitions(series, 1, parallel), k, gamma, seed, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Global indices of the k chosen series of the partitions, in the order chosen.</summary>
    public static async Task<int[]> ChooseAsync(IKMeansPartitions partitions, int k, double gamma, int seed, CancellationToken cancellationToken)
    {
        var layout = await KMeansLayout.OfAsync(partitions, cancellationToken);
        var n = layout.Total;
        if (k < 1 || k > n) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and the number of series ({n})");
        var random = new Random(seed);
        var self = await layout.GatherAsync(p => partitions.SelfValuesAsync(p, gamma, cancellationToken));
        var chosen = new List<int> { random.Next(n) };
        var potential = new double[n];
        Array.Fill(potential, double.PositiveInfinity);
        var isChosen = new bool[n];
        isChosen[chosen[0]] = true;
        while (true)
        {
            var c = chosen[^1];
            var center = await layout.SeriesAsync(partitions, c, cancellationToken);
            var values = await layout.GatherAsync(p => partitions.ValuesToAsync(p, center, gamma, cancellationToken));
            for (var i = 0; i < n; i++)
            {
                var divergence = isChosen[i] ? 0.0 : Math.Max(0.0, values[i] - 0.5 * (self[i] + self[c]));
                potential[i] = Math.Min(potential[i], divergence);
            }
            if (chosen.Count == k) return [.. chosen];
            var total = 0.0;
            for (var i = 0; i < n; i++) total += potential[i]; // index order: reproducible
            int next;
            if (total > 0)
            {
                var target = random.NextDouble() * total;
                next = -1;
                var cumulative = 0.0;
                for (var i = 0; i < n && next < 0; i++)
                {
                    cumulative += potential[i];
                    if (potential[i] > 0 && cumulative > target) next = i;
                }
                if (next < 0) next = Array.FindLastIndex(potential, p => p > 0); // rounding at the very end
            }
            else
            {
                // Every remaining series coincides with a centre: take the first unchosen one.
                next = Array.IndexOf(isChosen, false);
            }
            chosen.Add(next);
            isChosen[next] = true;
        }
    }
}
