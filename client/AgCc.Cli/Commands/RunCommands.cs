using System.CommandLine;
using AgCc.Client;
using AgCc.Core.Training.Config;
using AgCc.Grains.Training;

namespace AgCc.Cli.Commands;

/// <summary>
/// `agcc run start|status|cancel`: training runs on the running stack (the cluster trains, checkpoints
/// and survives silo losses; `agcc train` is the offline twin with the same config document).
/// </summary>
public static class RunCommands
{
    public static Command Create() => new("run", "Training runs on the cluster: launch one from a config, follow it, list or cancel runs")
    {
        Start(), Status(), Cancel(),
    };

    private static Command Start()
    {
        var config = new Option<FileInfo>("--config") { Description = "The run's config document (JSON; `agcc train --print-example-config`)", Required = true };
        var id = new Option<string?>("--id") { Description = "The run's id (default: the config's id, or one derived from the config)" };
        var noWait = new Option<bool>("--no-wait") { Description = "Launch the run and return; follow it with `agcc run status ID`" };
        var command = new Command("start", "Launch a training run on the cluster and follow it, one line per epoch (launching an equal config again follows the same run)")
        {
            config, id, noWait,
        };
        command.SetHandler(async (parse, cancellationToken) =>
        {
            var run = RunConfigJson.Load(parse.GetValue(config)!.FullName);
            var runId = parse.GetValue(id) ?? run.RunId();
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            var launched = await client.LaunchRunAsync(run, runId);
            Console.WriteLine($"run {runId}: {launched.State.ToName()} ({run.Method.ToName()}, {run.Source.Name} → {run.Target.Name}, {launched.Epochs} epochs)");
            if (parse.GetValue(noWait)) return;
            await foreach (var epoch in client.WatchRunAsync(runId, cancellationToken)) Console.WriteLine(EpochLine(epoch));
            var done = await client.GetRunStatusAsync(runId);
            if (done.State != TrainingRunState.Completed)
                throw new CliException($"run {runId} {done.State.ToName()}{(done.Failure is { } failure ? $": {failure}" : "")}");
            Console.WriteLine(ResultLine(done));
        });
        return command;
    }

    private static Command Status()
    {
        var id = new Argument<string?>("id") { Description = "A run's id; without it, every run", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("status", "One run in detail (history, result, where it trains), or a table of every run") { id };
        command.SetHandler(async (parse, cancellationToken) =>
        {
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            if (parse.GetValue(id) is { } runId)
            {
                var status = await client.GetRunStatusAsync(runId);
                if (!status.Exists) throw new CliException($"no run '{runId}' was launched (agcc run status lists them)");
                Detail(status);
                return;
            }
            var all = await client.ListRunsAsync();
            Console.WriteLine(TextTable.Format(
                ["run", "state", "epoch", "dev UAR", "target UAR", "silo", "device", "resumes", "failure"],
                all.Select(s => (IReadOnlyList<string>)
                [
                    s.Id, s.State.ToName(), $"{s.Epoch}/{s.Epochs}",
                    s.History.Count > 0 ? RunLines.Percent(s.History[^1].DevelopmentUar) : "",
                    s.Result is { } r ? RunLines.Percent(r.Uar) : "", s.Silo ?? "", s.Device ?? "", $"{s.Resumes}", s.Failure ?? "",
                ])));
        });
        return command;
    }

    private static Command Cancel()
    {
        var id = new Argument<string>("id") { Description = "The run's id" };
        var command = new Command("cancel", "Stop a run between two training steps (its last checkpoint stays; `agcc run start` with the same config goes on)") { id };
        command.SetHandler(async (parse, cancellationToken) =>
        {
            var runId = parse.GetValue(id)!;
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            if (!(await client.GetRunStatusAsync(runId)).Exists) throw new CliException($"no run '{runId}' was launched");
            await client.CancelRunAsync(runId);
            Console.WriteLine($"run {runId}: {(await client.GetRunStatusAsync(runId)).State.ToName()}");
        });
        return command;
    }

    private static void Detail(TrainingRunStatus s)
    {
        Console.WriteLine($"run {s.Id}: {s.State.ToName()}, epoch {s.Epoch} of {s.Epochs}" +
            (s.Silo is { } silo ? $", on {silo} ({s.Device})" : "") + (s.Resumes > 0 ? $", resumed {s.Resumes}×" : ""));
        if (s.QueuedAt is { } queued) Console.WriteLine($"  queued {queued:u}" + (s.StartedAt is { } started ? $", started {started:u}" : "") + (s.FinishedAt is { } finished ? $", finished {finished:u}" : ""));
        foreach (var epoch in s.History) Console.WriteLine(EpochLine(epoch));
        if (s.Failure is { } failure) Console.WriteLine($"  failure: {failure}");
        if (s.Result is not null) Console.WriteLine(ResultLine(s));
    }

    private static string EpochLine(EpochMetricsRecord e) => RunLines.Epoch(e.ToCore());

    private static string ResultLine(TrainingRunStatus s)
    {
        var r = s.Result!;
        return RunLines.Result(s.Id, r.Uar, r.WeightedAccuracy, r.MacroF1, r.BestEpoch, r.Epochs, r.Stop, $"{r.Threads} threads on {r.Device}; {r.Metrics}");
    }

}
