using System.Diagnostics;
using AgCc.Client;
using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Ingestion;
using AgCc.Core.Corpora.Layouts;
using AgCc.Core.Gestures;
using AgCc.Core.Synthesis;
using AgCc.Grains.Gestures;
using AgCc.LocalStack;

using static AgCc.Bench.BenchArguments;

namespace AgCc.Bench;

/// <summary>
/// The GestureClustering grain's fit over partition grains on 1 and on 2 silo processes, each
/// silo pinned to its own core (taskset, DOTNET_PROCESSOR_COUNT=1), against the reference: the same fit
/// (same segments, same partition split) by the core k-means in this process on one thread. The
/// results must be equal; the times show the grain overhead and what a second silo buys.
/// </summary>
public static class GestureClusteringBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var preset = Enum.Parse<SynthesisPreset>(Option(args, "--preset") ?? "demo", ignoreCase: true);
        var maxIter = int.Parse(Option(args, "--max-iter") ?? "10");
        var partitions = int.Parse(Option(args, "--partitions") ?? "4");
        var home = Directory.CreateTempSubdirectory("agcc-bench-").FullName;
        try
        {
            SyntheticCorpora.Write(Path.Combine(home, "synth"), preset, seed: 1);
            var root = Path.Combine(home, "synth", SyntheticCorpora.CremaDFolder);
            var series = Segments(root);
            var spec = new GestureClusteringSpec(["bench"]) { MaxIterations = maxIter, Tolerance = 0, Partitions = partitions };
            Console.WriteLine($"gesture clustering bench: preset {preset} (crema-d part), {series.Count} segments, k = {spec.Clusters}, " +
                $"{maxIter} iterations, {spec.Partitions} partitions; {Environment.ProcessorCount} cores here, one core per silo");

            var watch = Stopwatch.StartNew();
            var reference = TimeSeriesKMeans.Fit(series, new TimeSeriesKMeansOptions
            {
                Clusters = spec.Clusters, MaxIterations = maxIter, Tolerance = 0, Partitions = spec.Partitions, MaxDegreeOfParallelism = 1,
            });
            var local = watch.Elapsed;
            Report("core k-means, 1 thread (reference)", local, maxIter, local);

            TimeSpan? one = null;
            foreach (var silos in new[] { 1, 2 })
            {
                var (time, inertia) = await FitOnStackAsync(home, root, silos, spec);
                Report($"grains, {silos} silo process(es)", time, maxIter, local);
                if (inertia != reference.Inertia) Console.WriteLine($"    MISMATCH: inertia {inertia:R}, reference {reference.Inertia:R}");
                if (one is { } single) Console.WriteLine($"    speed-up of 2 silos over 1: {single / time:0.00}×");
                one ??= time;
            }
            return 0;
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static async Task<(TimeSpan Time, double Inertia)> FitOnStackAsync(string home, string root, int silos, GestureClusteringSpec spec)
    {
        await using var stack = await RunningStack.StartAsync(new LocalStackOptions
        {
            Home = Path.Combine(home, $"stack-{silos}"),
            Silos = silos,
            InMemoryStorage = true,
            OneCorePerSilo = true,
        }, _ => { });
        await using var client = await AgCcClient.ConnectAsync(stack.Settings);
        await client.AddCorpusAsync("bench", CorpusLayout.CremaD, root);
        await client.IngestAsync("bench", pollInterval: TimeSpan.FromMilliseconds(50));
        // A warm-up fit (JIT, partition activations), then the measured one under another name.
        await client.FitGesturesAsync("warm-up", spec with { MaxIterations = 1 }, pollInterval: TimeSpan.FromMilliseconds(20));
        var cpuBefore = stack.Silos.Select(s => Process.GetProcessById(s.Pid).TotalProcessorTime).ToArray();
        var watch = Stopwatch.StartNew();
        var stages = new Dictionary<GestureClusteringStage, TimeSpan>();
        var done = await client.FitGesturesAsync("measured", spec, new Progress<GestureClusteringStatus>(s => stages.TryAdd(s.Stage, watch.Elapsed)),
            pollInterval: TimeSpan.FromMilliseconds(20));
        var time = watch.Elapsed;
        if (done.Stage != GestureClusteringStage.Completed) throw new InvalidOperationException($"the fit failed: {done.Failure}");
        var fitting = stages.GetValueOrDefault(GestureClusteringStage.Fitting);
        var assigning = stages.GetValueOrDefault(GestureClusteringStage.Assigning, time);
        var cpu = stack.Silos.Select((s, i) => (Process.GetProcessById(s.Pid).TotalProcessorTime - cpuBefore[i]).TotalSeconds);
        Console.WriteLine($"    {silos} silo(s): preparing {fitting.TotalSeconds:0.00} s, fitting {(assigning - fitting).TotalSeconds:0.00} s, assigning {(time - assigning).TotalSeconds:0.00} s; " +
            $"CPU per silo {string.Join(" + ", cpu.Select(c => $"{c:0.00} s"))}");
        return (time, done.InertiaTrace[^1]);
    }

    /// <summary>The corpus's gesture segments in listing order, the order the clustering numbers them.</summary>
    private static List<TimeSeries> Segments(string root)
    {
        var listing = CorpusLayoutReaders.For(CorpusLayout.CremaD).List(new CorpusLocation(root));
        var series = new List<TimeSeries>();
        foreach (var source in listing.Utterances)
        {
            if (!UtteranceIngestion.TryLoad(source, out var utterance, out _)) continue;
            foreach (var segment in utterance!.Segments)
                series.Add(new TimeSeries(segment.Frames, 40, [.. segment.Values.Select(v => (double)v)]));
        }
        return series;
    }

    private static void Report(string what, TimeSpan time, int iterations, TimeSpan reference) =>
        Console.WriteLine($"  {what,-36} {time.TotalSeconds,7:0.00} s  {time.TotalMilliseconds / iterations,7:0} ms/iteration  ×{time / reference:0.00} of reference");
}
