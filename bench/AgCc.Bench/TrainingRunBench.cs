using System.Diagnostics;
using AgCc.Client;
using AgCc.Core.Synthesis;
using AgCc.Core.Torch.Training;
using AgCc.Core.Torch.Training.Offline;
using AgCc.Core.Training.Config;
using AgCc.Core.Training.Results;
using AgCc.Grains.Training;
using AgCc.LocalStack;
using static AgCc.Bench.BenchArguments;

namespace AgCc.Bench;

/// <summary>
/// A whole training run on the synthetic demo pair, offline (RunTrainer in this process): steps
/// per second, and the process's resident memory epoch by epoch, to show it stays flat over a
/// 70-epoch run (libtorch frees to glibc's heap, which keeps the pages unless trimmed: docs/training.md).
/// With `--grains`, the same run then goes through a TrainingRun grain on a one-silo local stack,
/// and the platform's overhead is the ratio of the two training times (first epoch to the end,
/// evaluation and checkpoints included; preparation, which the grains do through blobs, excluded).
/// </summary>
public static class TrainingRunBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var epochs = Int(args, "--epochs", 70);
        TrainingMethods.TryParse(Option(args, "--method") ?? "ag-cc", out var method);
        var home = Directory.CreateTempSubdirectory("agcc-bench-").FullName;
        try
        {
            SyntheticCorpora.Write(Path.Combine(home, "synth"), SynthesisPreset.Demo, seed: 0);
            var example = ExampleRunConfigs.SyntheticPair(method, Path.Combine(home, "synth"));
            var config = example with { Training = example.Training with { Epochs = epochs, Patience = epochs } };
            var data = OfflineTraining.Prepare(config, new WorkingFolder(Path.Combine(home, "work")), _ => { });
            using var trainer = new RunTrainer(config, data);
            Console.WriteLine($"training run: {method.ToName()} on the synthetic demo pair, {epochs} epochs × {trainer.StepsPerEpoch} steps, " +
                $"model width {config.Model.Width}, {config.Model.Layers} layers, {config.Training.Threads} threads");

            var rss = new List<double> { RssMegabytes() };
            var watch = Stopwatch.StartNew();
            var result = trainer.Run(epoch =>
            {
                rss.Add(RssMegabytes());
                if (epoch.Epoch == 1 || epoch.Epoch % 10 == 0)
                    Console.WriteLine($"  epoch {epoch.Epoch,3}: RSS {rss[^1],6:0} MB, {epoch.Steps / epoch.Seconds:0.00} steps/s, dev UAR {epoch.DevelopmentUar:P1}");
            }, checkpoint => WorkingFolder.WriteAtomically(Path.Combine(home, "checkpoint.bin"), checkpoint)); // as `agcc train` does
            var seconds = watch.Elapsed.TotalSeconds;
            var steps = result.History.Sum(e => e.Steps);
            Console.WriteLine($"  {steps} steps in {seconds:0.0} s: {steps / seconds:0.00} steps/s (with evaluation after every epoch)");
            Console.WriteLine($"  RSS: {rss[0]:0} MB before, {rss[1]:0} MB after epoch 1, {rss[^1]:0} MB after epoch {epochs}; " +
                $"growth from epoch 10 to the end: {rss[^1] - rss[Math.Min(10, rss.Count - 1)]:+0;-0} MB");
            Console.WriteLine($"  target UAR {result.Target.Uar:P2} (best epoch {result.BestEpoch})");
            if (args.Contains("--grains"))
            {
                if (Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is not "PASSIVE")
                    Console.WriteLine("  note: silos run with OMP_WAIT_POLICY=PASSIVE (~5 % slower steps); set it for this process too for a like-for-like ratio");
                var (time, status) = await ThroughGrainsAsync(home, config);
                Console.WriteLine($"  through the grains: {steps / time.TotalSeconds:0.00} steps/s; platform overhead " +
                    $"{(time.TotalSeconds / seconds - 1) * 100:+0.0;-0.0} % over offline; target UAR {status.Result!.Uar:P2}" +
                    (status.Result.Uar == result.Target.Uar ? " (equal)" : $" (OFFLINE {result.Target.Uar:P2}: MISMATCH)"));
            }
            return 0;
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>The run through a TrainingRun grain on a one-silo stack: its result and the time from entering training to completion.</summary>
    private static async Task<(TimeSpan Time, TrainingRunStatus Status)> ThroughGrainsAsync(string home, RunConfig config)
    {
        await using var stack = await RunningStack.StartAsync(new LocalStackOptions { Home = Path.Combine(home, "stack"), Silos = 1, InMemoryStorage = true }, _ => { });
        await using var client = await AgCcClient.ConnectAsync(stack.Settings);
        var watch = Stopwatch.StartNew();
        TimeSpan? training = null;
        var done = await client.TrainAsync(config, "bench", new Progress<TrainingRunStatus>(s =>
        {
            if (s.State == TrainingRunState.Training) training ??= watch.Elapsed;
        }), TimeSpan.FromMilliseconds(50));
        if (done.State != TrainingRunState.Completed) throw new InvalidOperationException($"the run through the grains ended {done.State}: {done.Failure}");
        return (watch.Elapsed - (training ?? TimeSpan.Zero), done);
    }
}
