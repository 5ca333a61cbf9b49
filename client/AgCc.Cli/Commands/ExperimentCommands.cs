using System.CommandLine;
using AgCc.Client;
using AgCc.Core.Experiments;
using AgCc.Core.Experiments.Analysis;
using AgCc.Core.Experiments.Results;
using AgCc.Core.Training.Config;
using AgCc.Grains.Experiments;

namespace AgCc.Cli.Commands;

/// <summary>`agcc experiment start|status|results|analysis|cancel`: experiment grids on the running stack.</summary>
public static class ExperimentCommands
{
    public static Command Create() => new("experiment", "Experiment grids (methods × directions × tasks × seeds) on the cluster and their results table")
    {
        Start(), Status(), Results(), Analysis(), Cancel(),
    };

    private static Command Start()
    {
        var config = new Option<FileInfo?>("--config") { Description = "The experiment's config document (JSON; see --print-example-config)" };
        var noWait = new Option<bool>("--no-wait") { Description = "Start the experiment and return; follow it with `agcc experiment status NAME`" };
        var printExample = new Option<bool>("--print-example-config") { Description = "Print the demo grid's config for the synthetic pair (with --data) and exit" };
        var data = new Option<DirectoryInfo?>("--data") { Description = "With --print-example-config: the folder `agcc synth --out` wrote" };
        var command = new Command("start", "Start an experiment and follow it until its results table is final (starting an equal config again follows the same experiment)")
        {
            config, noWait, printExample, data,
        };
        command.SetHandler(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(printExample))
            {
                var folder = parse.GetValue(data) ?? throw new CliException("--print-example-config needs --data DIR (the folder `agcc synth --out DIR` wrote)");
                Console.WriteLine(ExperimentConfigJson.Write(ExampleExperimentConfigs.Demo(folder.FullName)));
                return;
            }
            var file = parse.GetValue(config) ?? throw new CliException("--config EXPERIMENT.json is required (or --print-example-config)");
            var experiment = ExperimentConfigJson.Load(file.FullName);
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            var status = await client.StartExperimentAsync(experiment);
            Console.WriteLine($"experiment {status.Name}: {status.Stage.ToName()}, {status.Runs.Count} runs");
            if (parse.GetValue(noWait)) return;
            var done = await FollowAsync(client, status, cancellationToken);
            Console.WriteLine();
            Console.Write(ExperimentTableFormats.Markdown(AgCcClient.Results(done)));
        });
        return command;
    }

    /// <summary>
    /// Follows an experiment to its end: a line per preparation stage, then a bar over its runs;
    /// each failed or cancelled run gets a line. Throws when the experiment failed or was cancelled.
    /// </summary>
    public static async Task<ExperimentStatus> FollowAsync(AgCcClient client, ExperimentStatus status, CancellationToken cancellationToken, string label = "")
    {
        var prefix = label.Length > 0 ? label : $"experiment {status.Name}";
        string? activity = null;
        ProgressBar? bar = null;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var done = await client.FollowExperimentAsync(status, new SynchronousProgress<ExperimentStatus>(s =>
        {
            if (s.Activity is { } now && now != activity)
            {
                activity = now;
                Console.WriteLine($"{prefix}: {now}");
            }
            if (s.Stage == ExperimentStage.Preparing) return;
            bar ??= new ProgressBar($"{prefix}: runs");
            foreach (var run in s.Runs.Where(r => r.State is ExperimentRunOutcome.Failed or ExperimentRunOutcome.Cancelled && reported.Add(r.RunId)))
            {
                bar.Finish();
                Console.WriteLine($"{prefix}: run {run.RunId} {run.State}{(run.Failure is { } f ? $": {f}" : "")}");
            }
            var training = s.Runs.Where(r => r.State == "training").Select(r => $"{Cell(r.Cell)} s{r.Seed} epoch {r.Epoch}/{r.Epochs}").FirstOrDefault();
            bar.Show(s.Ended, s.Runs.Count, training ?? "");
        }), cancellationToken: cancellationToken);
        bar?.Finish();
        if (done.Stage is ExperimentStage.Failed or ExperimentStage.Cancelled)
            throw new CliException($"experiment {done.Name} {done.Stage.ToName()}{(done.Failure is { } failure ? $": {failure}" : "")}");
        var table = AgCcClient.Results(done);
        Console.WriteLine($"{prefix}: {table.Completed} of {table.Runs} runs completed, {table.Failed} failed, {table.Cancelled} cancelled" +
            (done.StartedAt is { } start && done.FinishedAt is { } end ? $" in {(end - start).TotalMinutes:F1} min" : ""));
        return done;
    }

    private static Command Status()
    {
        var name = new Argument<string?>("name") { Description = "An experiment's name; without it, every experiment", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("status", "One experiment's runs (state, epoch, UAR), or a table of every experiment") { name };
        command.SetHandler(async (parse, cancellationToken) =>
        {
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            if (parse.GetValue(name) is { } one)
            {
                var s = await ExistingAsync(client, one);
                Console.WriteLine($"experiment {s.Name}: {s.Stage.ToName()}, {s.Ended} of {s.Runs.Count} runs ended" +
                    (s.Activity is { } a ? $"; {a}" : "") + (s.Clustering is { } c ? $"; gesture clustering {c}" : ""));
                if (s.Failure is { } failure) Console.WriteLine($"  failure: {failure}");
                Console.WriteLine(TextTable.Format(
                    ["task", "direction", "method", "seed", "state", "epoch", "target UAR", "run", "failure"],
                    s.Runs.Select(r => (IReadOnlyList<string>)
                    [
                        r.Cell.Task, $"{r.Cell.Source} → {r.Cell.Target}", r.Cell.Method.ToName(), $"{r.Seed}", r.State, $"{r.Epoch}/{r.Epochs}",
                        r.Scores is { } scores ? RunLines.Percent(scores.Uar) : "", r.RunId, r.Failure ?? "",
                    ])));
                return;
            }
            var all = await client.ListExperimentsAsync();
            Console.WriteLine(TextTable.Format(
                ["experiment", "stage", "runs ended", "completed", "failed", "cancelled", "started", "finished", "failure"],
                all.Select(s =>
                {
                    var table = AgCcClient.Results(s);
                    return (IReadOnlyList<string>)
                    [
                        s.Name, s.Stage.ToName(), $"{s.Ended}/{s.Runs.Count}", $"{table.Completed}", $"{table.Failed}", $"{table.Cancelled}",
                        s.StartedAt?.ToString("u") ?? "", s.FinishedAt?.ToString("u") ?? "", s.Failure ?? "",
                    ];
                })));
        });
        return command;
    }

    private static Command Results()
    {
        var name = new Argument<string>("name") { Description = "The experiment's name" };
        var format = new Option<string>("--format") { Description = "md (the paper's table and the detail), csv (a row per cell) or json", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong([.. ExperimentTableFormats.Names]);
        var output = new Option<FileInfo?>("--output") { Description = "Write to this file instead of standard output" };
        var command = new Command("results", "The results table over the runs completed so far: per cell UAR, WA and macro-F1 mean ± std, differences to baseline and PA-CC with paired tests, per-class recall")
        {
            name, format, output,
        };
        command.SetHandler(async (parse, cancellationToken) =>
        {
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            var status = await ExistingAsync(client, parse.GetValue(name)!);
            Write(ExperimentTableFormats.Write(AgCcClient.Results(status), parse.GetValue(format)!), parse.GetValue(output));
        });
        return command;
    }

    private static Command Analysis()
    {
        var name = new Argument<string>("name") { Description = "The experiment's name" };
        var format = new Option<string>("--format") { Description = "md or json", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "json");
        var output = new Option<FileInfo?>("--output") { Description = "Write to this file instead of standard output" };
        var command = new Command("analysis", "How the anchors agree across the corpora: per common AG cluster and per phone, each corpus's class distribution and their Jensen–Shannon divergence")
        {
            name, format, output,
        };
        command.SetHandler(async (parse, cancellationToken) =>
        {
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            var status = await ExistingAsync(client, parse.GetValue(name)!);
            var analysis = await client.GetExperimentAnalysisAsync(status.Name);
            if (analysis.Count == 0)
                throw new CliException($"experiment {status.Name} has no anchor analysis {(status.Stage == ExperimentStage.Preparing ? "yet (its gesture clustering is being fitted)" : "(it has no AG-CC runs, so no gesture clustering)")}");
            Write(parse.GetValue(format) == "json" ? DocumentJson.Write(analysis) : AnchorAgreementFormats.Markdown(analysis), parse.GetValue(output));
        });
        return command;
    }

    private static Command Cancel()
    {
        var name = new Argument<string>("name") { Description = "The experiment's name" };
        var command = new Command("cancel", "Cancel the runs that have not ended (completed runs stay in the results)") { name };
        command.SetHandler(async (parse, cancellationToken) =>
        {
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            var status = await ExistingAsync(client, parse.GetValue(name)!);
            await client.CancelExperimentAsync(status.Name);
            var after = await client.GetExperimentStatusAsync(status.Name);
            var table = AgCcClient.Results(after);
            Console.WriteLine($"experiment {after.Name}: {after.Stage.ToName()}; {table.Completed} runs completed, {table.Cancelled} cancelled, {table.Failed} failed");
        });
        return command;
    }

    private static async Task<ExperimentStatus> ExistingAsync(AgCcClient client, string name)
    {
        var status = await client.GetExperimentStatusAsync(name);
        return status.Exists ? status : throw new CliException($"no experiment '{name}' was started (agcc experiment status lists them)");
    }

    private static void Write(string text, FileInfo? output)
    {
        if (output is null)
        {
            Console.Write(text);
            return;
        }
        File.WriteAllText(output.FullName, text);
        Console.WriteLine($"wrote {output.FullName}");
    }

    private static string Cell(ExperimentCell cell) => $"{cell.Method.ToName()} {cell.Task} {cell.Source} → {cell.Target}";
}
