using System.CommandLine;
using AgCc.Client;
using AgCc.Core.Features;
using AgCc.Grains.Features;
using AgCc.Grains.Gestures;
using AgCc.Core.Corpora;
using AgCc.Core.Experiments;
using AgCc.Core.Experiments.Results;
using AgCc.Core.Synthesis;
using AgCc.Core.Training.Config;
using AgCc.Grains.Corpora;
using AgCc.LocalStack;

namespace AgCc.Cli.Commands;

/// <summary>`agcc up` and `agcc demo`: the local stack in the foreground until Ctrl-C.</summary>
public static class StackCommands
{
    public static Command Up()
    {
        var command = new Command("up", "Start Azurite, silo(s) and the dashboard on 127.0.0.1 and run until Ctrl-C");
        var options = StackOptions.AddTo(command);
        command.SetHandler((parse, cancellationToken) => RunStackAsync(options.Read(parse), afterStart: null, cancellationToken));
        return command;
    }

    public static Command Demo()
    {
        var command = new Command("demo", "Bring the stack up, run the demo experiment on the synthetic corpora, print its results table and keep the dashboard up until Ctrl-C");
        var exit = new Option<bool>("--exit") { Description = "Stop the stack after printing the results (for scripts)" };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per cell (a quicker look with fewer; the paired tests need at least 2)", DefaultValueFactory = _ => 3 };
        var epochs = new Option<int>("--epochs") { Description = "Epochs per run", DefaultValueFactory = _ => 12 };
        seeds.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 20) r.AddError("--seeds must be 1–20"); });
        epochs.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--epochs must be at least 1"); });
        command.Options.Add(exit);
        command.Options.Add(seeds);
        command.Options.Add(epochs);
        var options = StackOptions.AddTo(command);
        command.SetHandler((parse, cancellationToken) =>
        {
            var grid = new DemoGrid(parse.GetValue(seeds), parse.GetValue(epochs));
            return RunStackAsync(options.Read(parse), (stack, home, ct) => RunDemoAsync(stack, home, grid, ct), cancellationToken, exitAfterwards: parse.GetValue(exit));
        });
        return command;
    }

    /// <summary>
    /// The demo experiment: the synthetic pair written, both corpora ingested, their features
    /// extracted and the gesture clustering fitted (each with a bar: these are the experiment's own
    /// shared artifacts, which it then finds done), then the grid (ExampleExperimentConfigs.Demo)
    /// run to its results table. Started again on the same stack home, the experiment is reused.
    /// </summary>
    private static async Task RunDemoAsync(RunningStack stack, string home, DemoGrid grid, CancellationToken cancellationToken)
    {
        var synth = Path.Combine(home, "demo", "synth");
        if (!File.Exists(Path.Combine(synth, SyntheticCorpora.MspImprovFolder, SyntheticCorpora.MarkerFile)))
        {
            Console.WriteLine($"demo: writing the synthetic corpus pair to {synth}");
            SyntheticCorpora.Write(synth, SynthesisPreset.Demo, DemoSeed, cancellationToken: cancellationToken);
        }
        var experiment = grid.Apply(ExampleExperimentConfigs.Demo(synth));

        await using var client = await AgCcClient.ConnectAsync(stack.Settings, cancellationToken);
        foreach (var corpus in experiment.Corpora)
        {
            await client.AddCorpusAsync(corpus.Name, corpus.Layout!.Value, corpus.Path!);
            var bar = new ProgressBar($"demo: ingest {corpus.Name}");
            var done = await client.IngestAsync(corpus.Name, new SynchronousProgress<IngestionProgress>(p => bar.Show(p.Processed, p.Listed)),
                cancellationToken: cancellationToken);
            bar.Finish();
            Console.WriteLine($"demo: {corpus.Name}: {done.Accepted} utterances, {done.Segments} gesture segments, {done.Rejected} rejected, {done.Excluded} excluded");
        }

        // METHOD.md step 5: the experiment's log-mel features of both corpora, extracted side by side.
        foreach (var corpus in experiment.Corpora) await client.StartFeatureSetAsync(corpus.Name, experiment.Features);
        foreach (var corpus in experiment.Corpora)
        {
            var bar = new ProgressBar($"demo: log-mel {corpus.Name}");
            var features = await client.ExtractFeaturesAsync(corpus.Name, experiment.Features, new SynchronousProgress<FeatureSetStatus>(s => bar.Show(s.BatchesDone, Math.Max(1, s.Batches))),
                cancellationToken: cancellationToken);
            bar.Finish();
            if (features.Stage != FeatureSetStage.Completed) throw new CliException($"features {corpus.Name}/{features.Key} failed: {features.Failure}");
            Console.WriteLine($"demo: {corpus.Name}: log-mel features of {features.Utterances} utterances ({features.AudioSeconds:F0} s of audio) in {features.Elapsed.TotalSeconds:F1} s");
        }

        // METHOD.md step 4 over both corpora: the clustering the AG-CC runs anchor on, fitted on a seeded subsample.
        var anchored = experiment.Runs().First(r => r.Config.Method == TrainingMethod.AgCc).Config;
        var spec = RunGestureClustering.Spec(anchored);
        var name = RunGestureClustering.Name(spec);
        var fit = new ProgressBar("demo: fit gesture clusters");
        var clustering = await client.FitGesturesAsync(name, spec, new SynchronousProgress<GestureClusteringStatus>(s =>
            fit.Show(s.Iteration, spec.MaxIterations, s.InertiaTrace.Count > 0 ? $"inertia {s.InertiaTrace[^1]:G6}" : s.Stage.ToString().ToLowerInvariant())),
            cancellationToken: cancellationToken);
        fit.Finish();
        if (clustering.Stage != GestureClusteringStage.Completed) throw new CliException($"gesture clustering {name} failed: {clustering.Failure}");
        var result = await client.GetGestureClusteringResultAsync(name);
        Console.WriteLine($"demo: {name}: {clustering.Segments} segments ({clustering.FitSegments} fitted), {clustering.Iteration} iterations, " +
            $"{result!.Clusters.Count(c => c.Common)} of {result.Clusters.Count} clusters common to both corpora (see /gestures/{name})");

        var started = await client.StartExperimentAsync(experiment);
        Console.WriteLine($"demo: experiment {experiment.Name}: {experiment.Methods.Count} methods × {experiment.DirectionsOrBoth().Count} directions × " +
            $"{experiment.Tasks.Count} tasks × {experiment.Seeds.Count} seeds = {started.Runs.Count} runs (see {stack.DashboardAddress.ToString().TrimEnd('/')}/experiments/{experiment.Name})");
        var finished = await ExperimentCommands.FollowAsync(client, started, cancellationToken, "demo");
        Console.WriteLine();
        Console.Write(ExperimentTableFormats.Markdown(AgCcClient.Results(finished)));
        foreach (var a in await client.GetExperimentAnalysisAsync(experiment.Name))
            Console.WriteLine(FormattableString.Invariant(
                $"Anchor agreement ({a.Task}): mean Jensen–Shannon divergence between the corpora's class distributions {a.MeanClusterDivergence:F3} over common AG clusters, {a.MeanPhoneDivergence:F3} over common phones (agcc experiment analysis {experiment.Name})"));
        Console.WriteLine();
        Console.WriteLine($"demo: results at {stack.DashboardAddress.ToString().TrimEnd('/')}/experiments/{experiment.Name}; export: ./agcc experiment results {experiment.Name} --format md|csv|json");
    }

    private const int DemoSeed = 0;

    /// <summary>The demo grid's size; anything but the defaults is another experiment (named for it), so results never mix.</summary>
    private sealed record DemoGrid(int Seeds, int Epochs)
    {
        public ExperimentConfig Apply(ExperimentConfig demo)
        {
            if (Seeds == demo.Seeds.Count && Epochs == demo.Training.Epochs) return demo;
            return demo with
            {
                Name = $"{demo.Name}-s{Seeds}-e{Epochs}",
                Seeds = [.. Enumerable.Range(0, Seeds).Select(s => (long)s)],
                Training = demo.Training with { Epochs = Epochs },
            };
        }
    }

    private static async Task RunStackAsync(
        LocalStackOptions options, Func<RunningStack, string, CancellationToken, Task>? afterStart, CancellationToken cancellationToken, bool exitAfterwards = false)
    {
        if (StackState.TryLoad(options.Home) is { } running)
            throw new CliException($"a stack is already running (launcher pid {running.LauncherPid}), dashboard at {running.DashboardUrl}");

        await using var stack = await RunningStack.StartAsync(options, message => Console.WriteLine($"agcc: {message}"), cancellationToken);
        stack.Describe(Environment.ProcessId).Save(options.Home);
        try
        {
            Console.WriteLine($"Dashboard: {stack.DashboardAddress}");
            Console.WriteLine($"State:     {StackState.PathIn(options.Home)} (other terminals find the stack here: ./agcc corpus list, ./agcc cluster status)");
            if (afterStart is not null) await afterStart(stack, options.Home, cancellationToken);
            if (exitAfterwards)
            {
                Console.WriteLine("agcc: stopping (--exit)");
                return;
            }
            Console.WriteLine("agcc: running; press Ctrl-C to stop");
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            Console.WriteLine("agcc: stopping");
        }
        finally
        {
            StackState.Delete(options.Home);
        }
    }

    private sealed record StackOptions(Option<int> Port, Option<string> Host, Option<int> Silos, Option<int> GpuSilos)
    {
        public static StackOptions AddTo(Command command)
        {
            var port = new Option<int>("--port") { Description = "Dashboard port (0: a free port)", DefaultValueFactory = _ => 0 };
            var host = new Option<string>("--host")
            {
                Description = "Address the dashboard binds to; another than loopback needs a sign-in (AgCc__Dashboard__SignIn__User and __PasswordHash, or __ApiKey)",
                DefaultValueFactory = _ => "127.0.0.1",
            };
            var silos = new Option<int>("--silos") { Description = "Number of silo processes", DefaultValueFactory = _ => 1 };
            var gpuSilos = new Option<int>("--gpu-silos") { Description = "How many of the silos carry the gpu role", DefaultValueFactory = _ => 0 };
            port.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 65535) r.AddError("--port must be 0–65535"); });
            silos.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 16) r.AddError("--silos must be 1–16"); });
            gpuSilos.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--gpu-silos must not be negative"); });
            command.Options.Add(port);
            command.Options.Add(host);
            command.Options.Add(silos);
            command.Options.Add(gpuSilos);
            return new StackOptions(port, host, silos, gpuSilos);
        }

        public LocalStackOptions Read(ParseResult parse)
        {
            var (silos, gpu) = (parse.GetValue(Silos), parse.GetValue(GpuSilos));
            if (gpu > silos) throw new CliException($"--gpu-silos {gpu} is more than --silos {silos}");
            return new LocalStackOptions
            {
                Home = AgCcHome.Resolve(),
                Silos = silos,
                GpuSilos = gpu,
                DashboardPort = parse.GetValue(Port),
                DashboardHost = parse.GetValue(Host)!,
            };
        }
    }
}
