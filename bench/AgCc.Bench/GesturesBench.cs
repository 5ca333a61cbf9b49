using System.Diagnostics;
using AgCc.Core.Gestures;

namespace AgCc.Bench;

/// <summary>
/// Soft-DTW throughput (pairs per second, 10–40 frames × 40 dims) against the plain scalar cost
/// loop in this process, and whole soft-DTW k-means fits (k = 10, γ = 1, ≤ 50 iterations) on
/// 2,000 and 10,000 synthetic series, with tslearn 0.9.0's figures from shared/data/softdtw as a
/// comparison line.
/// </summary>
public static class GesturesBench
{
    // shared/data/softdtw/README.md: 200 series, γ = 1, single-threaded numba on a 2-core machine.
    private const double TslearnSecondsPerIteration200 = 0.77;
    private const double TslearnAssignPerSecond = 11_933;
    private const double TslearnBarycenterEvalsPerSecond = 797;

    public static Task<int> RunAsync(string[] args)
    {
        // --sizes 2000,10000 (default), --max-iter 50 (default; 10,000 series take a while)
        var sizes = Option(args, "--sizes")?.Split(',').Select(int.Parse).ToArray() ?? [2_000, 10_000];
        var maxIter = int.Parse(Option(args, "--max-iter") ?? "50");
        Console.WriteLine($"gestures bench: {Environment.ProcessorCount} cores, Vector<double> {System.Numerics.Vector<double>.Count} lanes");

        var pool = Synthetic(400, seed: 7);
        var pairs = Enumerable.Range(0, 2_000).Select(i => (pool[i % pool.Count], pool[(i * 7 + 3) % pool.Count])).ToArray();
        var gradient = new double[40 * 40];
        Measure(pairs, p => SoftDtw.ValueScalarReference(p.Item1, p.Item2, 1.0), 1); // JIT warm-up
        Measure(pairs, p => SoftDtw.Value(p.Item1, p.Item2, 1.0), 1);
        var scalar = Measure(pairs, p => SoftDtw.ValueScalarReference(p.Item1, p.Item2, 1.0), 10);
        var simd = Measure(pairs, p => SoftDtw.Value(p.Item1, p.Item2, 1.0), 10);
        var withGradient = Measure(pairs, p => SoftDtw.ValueAndGradient(p.Item1, p.Item2, 1.0, gradient), 10);
        var lanes = pairs.Chunk(SoftDtwBatch.Lanes).Select(c => (c[0].Item1, c.Select(p => p.Item2).ToArray())).ToArray();
        var values = new double[SoftDtwBatch.Lanes];
        var gradients = new double[SoftDtwBatch.Lanes * 40 * 40];
        var batch = Measure(lanes, b => SoftDtwBatch.Values(b.Item1, b.Item2, 0, b.Item2.Length, 1.0, values), 10) * SoftDtwBatch.Lanes;
        var batchGradient = Measure(lanes, b => SoftDtwBatch.ValuesAndGradients(b.Item1, b.Item2, 0, b.Item2.Length, 1.0, values, gradients), 10) * SoftDtwBatch.Lanes;
        Console.WriteLine($"soft-DTW value, scalar cost (reference): {scalar,10:N0} pairs/s  1.00×");
        Console.WriteLine($"soft-DTW value, SIMD cost:               {simd,10:N0} pairs/s  {simd / scalar:0.00}×   (tslearn assignment: {TslearnAssignPerSecond:N0}/s, {simd / TslearnAssignPerSecond:0.0}×)");
        Console.WriteLine($"soft-DTW value + gradient:               {withGradient,10:N0} pairs/s  {withGradient / scalar:0.00}×   (tslearn barycentre: {TslearnBarycenterEvalsPerSecond:N0}/s, {withGradient / TslearnBarycenterEvalsPerSecond:0.0}×)");
        Console.WriteLine($"4-lane batch value (k-means assignment): {batch,10:N0} pairs/s  {batch / scalar:0.00}×   (tslearn: {batch / TslearnAssignPerSecond:0.0}×)");
        Console.WriteLine($"4-lane batch value + gradient (barycentre): {batchGradient,7:N0} pairs/s  {batchGradient / scalar:0.00}×   (tslearn: {batchGradient / TslearnBarycenterEvalsPerSecond:0.0}×)");

        foreach (var size in sizes)
        {
            var series = Synthetic(size, seed: 11);
            var options = new TimeSeriesKMeansOptions { Clusters = 10, Gamma = 1.0, MaxIterations = maxIter, Seed = 0 };
            GC.Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var watch = Stopwatch.StartNew();
            var result = TimeSeriesKMeans.Fit(series, options);
            var seconds = watch.Elapsed.TotalSeconds;
            var after = GC.GetTotalMemory(forceFullCollection: true);
            var perIteration = seconds / result.Iterations;
            Console.WriteLine($"k-means {size,6:N0} series: {seconds,6:F2} s, {result.Iterations} iterations, {perIteration * 1000:F0} ms/iteration, " +
                $"inertia {result.Inertia:G6}, heap after − before {(after - before) / 1e6:F1} MB");
            Console.WriteLine($"    tslearn (extrapolated linearly from 200 series): {TslearnSecondsPerIteration200 * size / 200:F1} s/iteration, {TslearnSecondsPerIteration200 * size / 200 / perIteration:0}× slower");
        }
        return Task.FromResult(0);
    }

    private static double Measure((TimeSeries, TimeSeries[])[] batches, Action<(TimeSeries, TimeSeries[])> body, int repeats) =>
        Measure(batches, b =>
        {
            body(b);
            return 0.0;
        }, repeats);

    /// <summary>Items per second of a single-threaded loop over the items, best of the repeats.</summary>
    private static double Measure<T>(T[] pairs, Func<T, double> body, int repeats)
    {
        var best = double.MaxValue;
        var sink = 0.0;
        for (var r = 0; r < repeats; r++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var pair in pairs) sink += body(pair);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        if (double.IsNaN(sink)) Console.WriteLine("(NaN)");
        return pairs.Length / best;
    }

    /// <summary>
    /// Mouth-like gestures: 10 smooth prototype trajectories of 40 values, each series a prototype
    /// time-warped to 10–40 frames plus noise.
    /// </summary>
    public static List<TimeSeries> Synthetic(int count, int seed, int dimensions = 40)
    {
        var random = new Random(seed);
        var prototypes = Enumerable.Range(0, 10).Select(_ =>
        {
            var phase = Enumerable.Range(0, dimensions).Select(_ => random.NextDouble() * Math.Tau).ToArray();
            var amplitude = Enumerable.Range(0, dimensions).Select(_ => 0.1 + 0.4 * random.NextDouble()).ToArray();
            var frequency = 0.5 + 2 * random.NextDouble();
            return (phase, amplitude, frequency);
        }).ToArray();
        var series = new List<TimeSeries>(count);
        for (var s = 0; s < count; s++)
        {
            var (phase, amplitude, frequency) = prototypes[random.Next(prototypes.Length)];
            var length = random.Next(10, 41);
            var warp = 0.7 + 0.6 * random.NextDouble();
            var values = new double[length * dimensions];
            for (var t = 0; t < length; t++)
            {
                var u = Math.Pow((t + 0.5) / length, warp);
                for (var k = 0; k < dimensions; k++)
                    values[t * dimensions + k] = amplitude[k] * Math.Sin(Math.Tau * frequency * u + phase[k]) + 0.05 * (random.NextDouble() - 0.5);
            }
            series.Add(new TimeSeries(length, dimensions, values));
        }
        return series;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
