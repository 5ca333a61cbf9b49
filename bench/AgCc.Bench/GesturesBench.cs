using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using AgCc.Core.Gestures;

using static AgCc.Bench.BenchArguments;

namespace AgCc.Bench;

/// <summary>
/// Soft-DTW throughput (pairs per second, single thread) against the plain scalar cost loop in this
/// process, and whole soft-DTW k-means fits (k = 10, γ = 1, ≤ 50 iterations, all cores) on data
/// that is statistically like tslearn's reference data (shared/data/softdtw/small.csv bootstrapped:
/// lengths uniform in 6–36, d = 40), with tslearn 0.9.0's figures as the comparison line.
/// </summary>
public static class GesturesBench
{
    // shared/data/softdtw/README.md: 200 series, γ = 1, single-threaded numba on a 2-core machine.
    private const double TslearnSecondsPerIteration200 = 0.77;
    private const double TslearnAssignPerSecond = 11_933;
    private const double TslearnBarycenterEvalsPerSecond = 797;

    // tslearn 0.9 on 2,000 series like small.csv (k = 10, γ = 1, max_iter 50; single-threaded numba, 2-core machine), as reported for this comparison.
    private const double TslearnSeconds2000 = 157;
    private const int TslearnIterations2000 = 19;

    public static Task<int> RunAsync(string[] args)
    {
        // --sizes 2000,10000 (default), --max-iter 50 (default; 10,000 series take a while),
        // --data tslearn (default: small.csv bootstrapped) | synthetic (the sine generator below),
        // --source PATH (small.csv; default: ../shared/data/softdtw/small.csv beside the repository)
        var sizes = Option(args, "--sizes")?.Split(',').Select(int.Parse).ToArray() ?? [2_000, 10_000];
        var maxIter = int.Parse(Option(args, "--max-iter") ?? "50", CultureInfo.InvariantCulture);
        var data = Option(args, "--data") ?? "tslearn";
        Console.WriteLine($"gestures bench: {Environment.ProcessorCount} cores, Vector512 {(Vector512.IsHardwareAccelerated ? "accelerated" : "not accelerated")}, " +
            $"batch {(SoftDtwBatch.IsAccelerated ? $"accelerated, {SoftDtwBatch.Lanes} lanes" : "not accelerated (scalar fallback)")}");

        // Kernel throughput on the original synthetic pool (10–40 frames, the 'before' numbers used it).
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
        Console.WriteLine("single thread, synthetic pairs (10–40 frames × 40):");
        Console.WriteLine($"  soft-DTW value, scalar cost (reference): {scalar,10:N0} pairs/s  1.00×");
        Console.WriteLine($"  soft-DTW value, SIMD cost:               {simd,10:N0} pairs/s  {simd / scalar:0.00}×   (tslearn assignment: {TslearnAssignPerSecond:N0}/s, {simd / TslearnAssignPerSecond:0.0}×)");
        Console.WriteLine($"  soft-DTW value + gradient:               {withGradient,10:N0} pairs/s  {withGradient / scalar:0.00}×   (tslearn barycentre: {TslearnBarycenterEvalsPerSecond:N0}/s, {withGradient / TslearnBarycenterEvalsPerSecond:0.0}×)");
        Console.WriteLine($"  {SoftDtwBatch.Lanes}-lane batch value:                    {batch,10:N0} pairs/s  {batch / scalar:0.00}×   (tslearn: {batch / TslearnAssignPerSecond:0.0}×)");
        Console.WriteLine($"  {SoftDtwBatch.Lanes}-lane batch value + gradient:         {batchGradient,10:N0} pairs/s  {batchGradient / scalar:0.00}×   (tslearn: {batchGradient / TslearnBarycenterEvalsPerSecond:0.0}×)");

        var source = data == "tslearn" ? LoadSource(Option(args, "--source")) : null;
        if (source is not null)
        {
            // The shapes of a k-means fit: a series against the 10 centres (36 frames; batches of
            // Lanes + the rest), a centre against 8 members of similar length (a barycentre chunk).
            var like = TslearnLike(source.Value.Series, source.Value.Labels, 400, seed: 5).Series;
            var centers = like.Take(10).Select(s => Resampling.Linear(s, 36)).ToArray();
            var assignValues = new double[centers.Length];
            var assign = Measure(like.ToArray(), s =>
            {
                for (var c = 0; c < centers.Length; c += SoftDtwBatch.Lanes)
                    SoftDtwBatch.Values(s, centers, c, Math.Min(SoftDtwBatch.Lanes, centers.Length - c), 1.0, assignValues.AsSpan(c));
                return assignValues[0];
            }, 5) * centers.Length;
            var sorted = like.OrderBy(s => s.Length).ToArray();
            var chunks = Enumerable.Range(0, sorted.Length / 8).Select(c => (centers[c % centers.Length], sorted[(c * 8)..(c * 8 + 8)])).ToArray();
            var chunkValues = new double[8];
            var chunkGradients = new double[8 * 36 * 40];
            var barycentre = Measure(chunks, b =>
            {
                for (var first = 0; first < 8; first += SoftDtwBatch.Lanes)
                    SoftDtwBatch.ValuesAndGradients(b.Item1, b.Item2, first, Math.Min(SoftDtwBatch.Lanes, 8 - first), 1.0, chunkValues.AsSpan(first), chunkGradients.AsSpan(first * 36 * 40));
                return chunkValues[0];
            }, 5) * 8;
            Console.WriteLine("single thread, k-means shapes on tslearn-like data (6–36 frames × 40, centres 36 frames):");
            Console.WriteLine($"  assignment, series vs 10 centres:        {assign,10:N0} values/s            (tslearn: {TslearnAssignPerSecond:N0}/s, {assign / TslearnAssignPerSecond:0.0}×)");
            Console.WriteLine($"  barycentre, centre vs 8 members:         {barycentre,10:N0} values+gradients/s (tslearn: {TslearnBarycenterEvalsPerSecond:N0}/s, {barycentre / TslearnBarycenterEvalsPerSecond:0.0}×)");
        }

        foreach (var size in sizes)
        {
            List<TimeSeries> series;
            int[]? truth = null;
            string description;
            if (source is { } s)
            {
                (series, truth) = TslearnLike(s.Series, s.Labels, size, seed: 11);
                description = "tslearn-like: small.csv bootstrapped (random source, length uniform 6–36, power-law time warp, noise σ 0.005, 4 decimals)";
            }
            else
            {
                series = Synthetic(size, seed: 11);
                description = "synthetic: 10 sine prototypes, lengths 10–40 (never converges in 50 iterations)";
            }
            var options = new TimeSeriesKMeansOptions { Clusters = 10, Gamma = 1.0, MaxIterations = maxIter, Seed = 0 };
            var seeding = Stopwatch.StartNew();
            KMeansPlusPlus.Choose(series, options.Clusters, options.Gamma, options.Seed);
            var seedingSeconds = seeding.Elapsed.TotalSeconds;
            GC.Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var watch = Stopwatch.StartNew();
            var result = TimeSeriesKMeans.Fit(series, options);
            var seconds = watch.Elapsed.TotalSeconds;
            var after = GC.GetTotalMemory(forceFullCollection: true);
            var perIteration = (seconds - seedingSeconds) / result.Iterations;
            Console.WriteLine($"k-means {size:N0} series, k = 10, γ = 1, ≤ {maxIter} iterations, k-means++ seed 0, {description}:");
            Console.WriteLine($"  {seconds:F2} s, {result.Iterations} iterations{(result.Iterations == maxIter ? " (the limit)" : " (converged)")}, " +
                $"{perIteration * 1000:F0} ms/iteration + {seedingSeconds:F2} s k-means++ seeding, inertia {result.Inertia:G6}, " +
                $"heap after − before {(after - before) / 1e6:F1} MB ({ThreadPool.ThreadCount} pool threads, each with its batch workspaces)" +
                (truth is null ? "" : $", ARI vs the source series' prototype labels {AdjustedRandIndex.Compute(result.Labels, truth):F3}"));
            if (size == 2_000 && source is not null)
                Console.WriteLine($"  tslearn 0.9 on 2,000 series like these: {TslearnSeconds2000:F0} s, {TslearnIterations2000} iterations ({TslearnSeconds2000 / TslearnIterations2000:F1} s/iteration): " +
                    $"this fit is {TslearnSeconds2000 / seconds:0}× faster, {TslearnSeconds2000 / TslearnIterations2000 / perIteration:0}× per iteration");
            else
                Console.WriteLine($"  tslearn (extrapolated linearly from 200 series): {TslearnSecondsPerIteration200 * size / 200:F1} s/iteration, {TslearnSecondsPerIteration200 * size / 200 / perIteration:0}× slower");
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

    /// <summary>small.csv and its prototype labels (small_labels.csv), or null (with a note) when not found.</summary>
    private static (IReadOnlyList<TimeSeries> Series, int[] Labels)? LoadSource(string? path)
    {
        path ??= FindSource();
        if (path is null || !File.Exists(path))
        {
            Console.WriteLine("(shared/data/softdtw/small.csv not found: k-means on the synthetic generator instead; pass --source PATH)");
            return null;
        }
        var set = TimeSeriesCsv.Read(path);
        var labelsPath = Path.Combine(Path.GetDirectoryName(path)!, "small_labels.csv");
        var labels = new int[set.Count];
        if (File.Exists(labelsPath))
        {
            var byId = File.ReadLines(labelsPath).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => int.Parse(f[2], CultureInfo.InvariantCulture));
            for (var i = 0; i < set.Count; i++) labels[i] = byId.GetValueOrDefault(set.Ids[i]);
        }
        return (set.Series, labels);
    }

    private static string? FindSource([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            if (start.Length == 0) continue;
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "AgCc.Orleans.sln"))) continue;
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "softdtw", "small.csv"));
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// Series statistically like tslearn's reference data, bootstrapped from it: each new series
    /// takes a random series of small.csv, a length uniform in 6–36 (the reference's range and
    /// distribution), a random monotone time warp u ↦ u^p (p = e^U(−0.25, 0.25)), linear
    /// interpolation, Gaussian noise σ = 0.005 (about half the reference's frame-to-frame jitter,
    /// which interpolation partly smooths away) and 4 decimals, like the reference's values.
    /// Returns the series and the prototype label of each one's source.
    /// </summary>
    public static (List<TimeSeries> Series, int[] Labels) TslearnLike(IReadOnlyList<TimeSeries> source, IReadOnlyList<int> labels, int count, int seed)
    {
        var random = new Random(seed);
        var series = new List<TimeSeries>(count);
        var truth = new int[count];
        for (var s = 0; s < count; s++)
        {
            var index = random.Next(source.Count);
            var from = source[index];
            truth[s] = labels[index];
            var d = from.Dimensions;
            var length = random.Next(6, 37);
            var power = Math.Exp(-0.25 + 0.5 * random.NextDouble());
            var values = new double[length * d];
            for (var t = 0; t < length; t++)
            {
                var position = Math.Pow(t / (double)(length - 1), power) * (from.Length - 1);
                var lower = Math.Min((int)position, from.Length - 1);
                var upper = Math.Min(lower + 1, from.Length - 1);
                var fraction = position - lower;
                for (var k = 0; k < d; k++)
                {
                    var value = (1 - fraction) * from.Values[lower * d + k] + fraction * from.Values[upper * d + k] + 0.005 * Gaussian(random);
                    values[t * d + k] = Math.Round(value, 4);
                }
            }
            series.Add(new TimeSeries(length, d, values));
        }
        return (series, truth);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(Math.Tau * random.NextDouble());

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
}
