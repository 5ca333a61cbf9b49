namespace AgCc.Core.Gestures;

/// <summary>
/// The update step of k-means: every non-empty cluster's centre moves to the soft-DTW barycentre of
/// its members (L-BFGS from the previous centre). The clusters' optimisers run side by side and
/// their evaluations are gathered into rounds: once every optimiser still running has asked for a
/// point, one <see cref="IKMeansPartitions.EvaluateAsync"/> per partition serves them all, and the
/// partial sums are added in partition order. So a fit over remote partitions costs one call per
/// partition per round, and the result depends only on the partition split, not on timing.
/// </summary>
internal sealed class BarycenterRounds(IKMeansPartitions partitions, int[][] labels, int dimensions, double gamma, LbfgsOptions options, CancellationToken cancellationToken)
{
    private readonly Lock gate = new();
    private readonly List<Pending> pending = [];
    private int running;

    private sealed record Pending(int Cluster, double[] Point, double[] Gradient, TaskCompletionSource<double> Done);

    public async Task<TimeSeries[]> UpdateAsync(IReadOnlyList<TimeSeries> centers, IReadOnlyList<int> clusters)
    {
        var updated = centers.ToArray();
        running = clusters.Count;
        var optimisers = clusters.Select(c => OptimiseAsync(c, centers[c])).ToArray();
        var results = await Task.WhenAll(optimisers);
        for (var i = 0; i < clusters.Count; i++)
        {
            var start = centers[clusters[i]];
            updated[clusters[i]] = new TimeSeries(start.Length, start.Dimensions, results[i].X);
        }
        return updated;
    }

    private async Task<LbfgsResult> OptimiseAsync(int cluster, TimeSeries start)
    {
        try
        {
            return await Lbfgs.MinimizeAsync((x, g) => EvaluateAsync(cluster, x, g), start.Values, options);
        }
        finally
        {
            List<Pending>? round;
            lock (gate)
            {
                running--;
                round = TakeRoundIfComplete();
            }
            if (round is not null) await DispatchAsync(round);
        }
    }

    private ValueTask<double> EvaluateAsync(int cluster, double[] point, double[] gradient)
    {
        var request = new Pending(cluster, point, gradient, new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously));
        List<Pending>? round;
        lock (gate)
        {
            pending.Add(request);
            round = TakeRoundIfComplete();
        }
        return round is null ? new ValueTask<double>(request.Done.Task) : DispatchThenAwait(round, request);
    }

    private async ValueTask<double> DispatchThenAwait(List<Pending> round, Pending request)
    {
        await DispatchAsync(round);
        return await request.Done.Task;
    }

    private List<Pending>? TakeRoundIfComplete()
    {
        if (pending.Count == 0 || pending.Count < running) return null;
        var round = pending.OrderBy(p => p.Cluster).ToList();
        pending.Clear();
        return round;
    }

    /// <summary>Evaluates one round on every partition; failures go to the optimisers that asked.</summary>
    private async Task DispatchAsync(List<Pending> round)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = round[0].Point.Length;
            var requests = round.Select(p => new BarycenterRequest(p.Cluster, new TimeSeries(length / dimensions, dimensions, p.Point))).ToArray();
            var calls = new Task<BarycenterPartial[]>[partitions.Count];
            for (var p = 0; p < calls.Length; p++) calls[p] = partitions.EvaluateAsync(p, labels[p], requests, gamma, cancellationToken).AsTask();
            var partials = await Task.WhenAll(calls);
            for (var r = 0; r < round.Count; r++)
            {
                var gradient = round[r].Gradient;
                Array.Clear(gradient);
                var value = 0.0;
                foreach (var partial in partials)
                {
                    var part = partial[r];
                    if (part.Members == 0) continue;
                    if (part.Gradient.Length != length) throw new InvalidOperationException($"a partition returned a gradient of {part.Gradient.Length} values for {length}");
                    value += part.Value;
                    for (var k = 0; k < length; k++) gradient[k] += part.Gradient[k];
                }
                round[r].Done.TrySetResult(value);
            }
        }
        catch (Exception e)
        {
            foreach (var request in round) request.Done.TrySetException(e);
        }
    }
}
