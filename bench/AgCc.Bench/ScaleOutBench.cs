using System.Diagnostics;
using AgCc.Client;
using AgCc.Core.Experiments;
using AgCc.Core.Synthesis;
using AgCc.Grains.Experiments;
using AgCc.Grains.Training;
using AgCc.LocalStack;

using static AgCc.Bench.BenchArguments;

namespace AgCc.Bench;

/// <summary>
/// The demo experiment grid (ExampleExperimentConfigs.Demo: ingestion, features, one gesture
/// clustering, then every run) on a local stack of 1 and then of 2 silo processes, each silo
/// pinned to one core (taskset, DOTNET_PROCESSOR_COUNT=1), one training per silo on one torch
/// thread: wall time of each and the speed-up. Per run, the time outside the training loop
/// (data from blobs, grain calls, checkpoints, evaluation) is reported per training step.
/// </summary>
public static class ScaleOutBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seeds = Int(args, "--seeds", 3);
        var epochs = Int(args, "--epochs", 12);
        var home = Directory.CreateTempSubdirectory("agcc-bench-").FullName;
        try
        {
            var synth = Path.Combine(home, "synth");
            SyntheticCorpora.Write(synth, SynthesisPreset.Demo, seed: 0);
            var demo = ExampleExperimentConfigs.Demo(synth);
            var grid = demo with
            {
                Name = "scale-out",
                Seeds = [.. Enumerable.Range(0, seeds).Select(s => (long)s)],
                Training = demo.Training with { Epochs = epochs, Threads = 1 },
            };
            Console.WriteLine($"scale-out bench: the demo grid with {seeds} seed(s) × {epochs} epochs = {grid.Runs().Count} runs; " +
                $"{Environment.ProcessorCount} cores here, one core and one training per silo, 1 torch thread");

            TimeSpan? one = null;
            foreach (var silos in new[] { 1, 2 })
            {
                var time = await RunGridAsync(home, silos, grid);
                if (one is { } single) Console.WriteLine($"  speed-up of 2 silos over 1: {single / time:0.00}× (bar: ≥ 1.7×)");
                one ??= time;
            }
            return 0;
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static async Task<TimeSpan> RunGridAsync(string home, int silos, ExperimentConfig grid)
    {
        await using var stack = await RunningStack.StartAsync(new LocalStackOptions
        {
            Home = Path.Combine(home, $"stack-{silos}"),
            Silos = silos,
            InMemoryStorage = true,
            OneCorePerSilo = true,
            ExtraEnvironment = new Dictionary<string, string> { ["AgCc__Training__MaxConcurrentTrainings"] = "1" },
        }, _ => { });
        await using var client = await AgCcClient.ConnectAsync(stack.Settings);

        var watch = Stopwatch.StartNew();
        var firstRun = TimeSpan.Zero;
        var done = await client.RunExperimentAsync(grid, new Progress<ExperimentStatus>(s =>
        {
            if (firstRun == TimeSpan.Zero && s.Stage == ExperimentStage.Running) firstRun = watch.Elapsed;
        }), pollInterval: TimeSpan.FromSeconds(1));
        var time = watch.Elapsed;
        if (done.Stage != ExperimentStage.Completed || done.Runs.Any(r => r.State != "completed"))
            throw new InvalidOperationException($"the grid did not complete on {silos} silo(s): {done.Stage} {done.Failure}");

        var runs = await Task.WhenAll(done.Runs.Select(r => client.GetRunStatusAsync(r.RunId)));
        var steps = runs.Sum(r => r.History.Sum(h => h.Steps));
        var inLoop = runs.Sum(r => r.History.Sum(h => h.Seconds));
        var spans = runs.Sum(r => (r.FinishedAt!.Value - r.StartedAt!.Value).TotalSeconds);
        var perSilo = runs.GroupBy(r => r.Silo).Select(g => $"{g.Key}: {g.Count()}");
        Console.WriteLine($"  {silos} silo process(es): {time.TotalSeconds,6:0.0} s (preparation {firstRun.TotalSeconds:0.0} s, runs {(time - firstRun).TotalSeconds:0.0} s); " +
            $"runs per silo {string.Join(", ", perSilo)}");
        Console.WriteLine($"    per training step: {1000 * inLoop / steps:0.0} ms in the loop, {1000 * (spans - inLoop) / steps:0.0} ms outside it " +
            $"(data from blobs, epoch reports, checkpoints, evaluation; {steps} steps in {runs.Length} runs)");
        return time;
    }
}
