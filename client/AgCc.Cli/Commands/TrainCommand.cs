using System.CommandLine;
using System.Diagnostics;
using AgCc.Core.Formats;
using AgCc.Core.Torch;
using AgCc.Core.Torch.Training;
using AgCc.Core.Torch.Training.Offline;
using AgCc.Core.Training.Config;
using AgCc.Core.Training.Data;
using AgCc.Core.Training.Results;
using AgCc.LocalStack;

namespace AgCc.Cli.Commands;

/// <summary>
/// `agcc train`: one training run without a cluster. It reads the corpora, extracts features and
/// fits the gesture clustering itself (cached in a working folder), trains, and writes the
/// target's metrics, the history and the best model to the output folder.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo?>("--config") { Description = "The run's config document (JSON; see `--print-example-config`)" };
        var output = new Option<DirectoryInfo?>("--output") { Description = "Folder for metrics.json, config.json, best-model.bin and checkpoint.bin" };
        var maxEpochs = new Option<int?>("--max-epochs") { Description = "Override training.epochs" };
        var seed = new Option<long?>("--seed") { Description = "Override the config's seed" };
        var work = new Option<DirectoryInfo?>("--work") { Description = "Cache of ingestions, features and gesture clusterings (default: $AGCC_HOME/train-cache)" };
        var resume = new Option<bool>("--resume") { Description = "Continue from OUTPUT/checkpoint.bin when it is there" };
        var device = new Option<string>("--device") { Description = "auto, cpu, cuda or cuda:N", DefaultValueFactory = _ => "cpu" };
        var printExample = new Option<bool>("--print-example-config") { Description = "Print a complete config for the synthetic pair (with --method and --data) and exit" };
        var method = new Option<string>("--method") { Description = "With --print-example-config: baseline, pa-cc, la-cc or ag-cc", DefaultValueFactory = _ => "ag-cc" };
        method.AcceptOnlyFromAmong([.. TrainingMethods.All]);
        var data = new Option<DirectoryInfo?>("--data") { Description = "With --print-example-config: the folder `agcc synth --out` wrote" };

        var command = new Command("train", "Train one run offline (no cluster): corpora, features, gesture clusters and the model, from a config document")
        {
            config, output, maxEpochs, seed, work, resume, device, printExample, method, data,
        };
        command.SetHandler((parse, cancellationToken) =>
        {
            if (parse.GetValue(printExample))
            {
                var folder = parse.GetValue(data) ?? throw new CliException("--print-example-config needs --data DIR (the folder `agcc synth --out DIR` wrote)");
                TrainingMethods.TryParse(parse.GetValue(method), out var chosen);
                Console.WriteLine("// A run on the synthetic pair, sized to finish in minutes on 2 cores; the paper's sizes are METHOD.md's defaults (docs/training.md).");
                Console.WriteLine(RunConfigJson.Write(ExampleRunConfigs.SyntheticPair(chosen, folder.FullName)));
                return Task.CompletedTask;
            }
            var file = parse.GetValue(config) ?? throw new CliException("--config RUN.json is required (or --print-example-config)");
            var folderOut = parse.GetValue(output) ?? throw new CliException("--output DIR is required");
            var run = RunConfigJson.Load(file.FullName);
            if (parse.GetValue(maxEpochs) is { } epochs) run = run with { Training = run.Training with { Epochs = epochs } };
            if (parse.GetValue(seed) is { } s) run = run with { Seed = s };
            if (run.Problems() is { Count: > 0 } problems) throw new CliException(string.Join("; ", problems));
            var workFolder = new WorkingFolder(parse.GetValue(work)?.FullName ?? Path.Combine(AgCcHome.Resolve(), "train-cache"));
            return Task.Run(() => Train(run, folderOut.FullName, workFolder, parse.GetValue(resume), TorchDevice.Resolve(parse.GetValue(device)), cancellationToken), cancellationToken);
        });
        return command;
    }

    private static void Train(RunConfig run, string output, WorkingFolder work, bool resume, TorchSharp.torch.Device device, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(output);
        var runId = run.RunId();
        Console.WriteLine($"train {runId}: {run.Method.ToName()}, {run.Task}, {run.Source.Name} → {run.Target.Name}, seed {run.Seed}");
        TrainingData data;
        try
        {
            data = OfflineTraining.Prepare(run, work, line => Console.WriteLine("  " + line), cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or InputException)
        {
            throw new CliException(e.Message);
        }
        WorkingFolder.WriteAtomically(Path.Combine(output, "config.json"), System.Text.Encoding.UTF8.GetBytes(RunConfigJson.Write(run with { Id = runId })));

        using var trainer = new RunTrainer(run, data, device);
        var checkpoint = Path.Combine(output, "checkpoint.bin");
        if (resume && File.Exists(checkpoint))
        {
            trainer.Restore(File.ReadAllBytes(checkpoint), checkpoint);
            Console.WriteLine($"  resumed from {checkpoint} at epoch {trainer.Position.Epoch + 1}, step {trainer.Position.Step}");
        }
        Console.WriteLine($"  {data.Source.Utterances.Count - trainer.Split.Development.Length} source utterances to train on, {trainer.Split.Development.Length} held out " +
            $"(speakers {string.Join(", ", trainer.Split.DevelopmentSpeakers)}), {data.Target.Utterances.Count} target; {trainer.StepsPerEpoch} steps an epoch on {TorchDevice.Describe(device)}");
        var clock = Stopwatch.StartNew();
        var result = trainer.Run(
            epoch => Console.WriteLine(RunLines.Epoch(epoch)),
            bytes => WorkingFolder.WriteAtomically(checkpoint, bytes),
            cancellationToken);
        WorkingFolder.WriteAtomically(Path.Combine(output, "best-model.bin"), trainer.ModelBytes());
        WorkingFolder.WriteAtomically(Path.Combine(output, "metrics.json"), RunMetricsDocument.Write(runId, run, result, clock.Elapsed.TotalSeconds));
        Console.WriteLine(RunLines.Result(runId, result.Target.Uar, result.Target.WeightedAccuracy, result.Target.MacroF1, result.BestEpoch, result.Epochs, result.Stop,
            $"{result.Threads} threads on {result.Device}; {output}/metrics.json"));
    }
}
