using System.CommandLine;
using AgCc.Client;
using AgCc.Core.Features;
using AgCc.Grains.Features;
using AgCc.Grains.Gestures;
using AgCc.Core.Corpora;
using AgCc.Core.Synthesis;
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
        var command = new Command("demo", "Bring the stack up and run the demo experiment on the synthetic corpora");
        var options = StackOptions.AddTo(command);
        command.SetHandler((parse, cancellationToken) => RunStackAsync(options.Read(parse), RunDemoAsync, cancellationToken));
        return command;
    }

    // The demo experiment (the four methods, the results table) arrives with the issues that build
    // those parts; for now the demo writes the synthetic corpus pair, ingests both corpora,
    // extracts their log-mel features and fits the gesture clusters over them, so the dashboard
    // has real data to show.
    private static async Task RunDemoAsync(RunningStack stack, string home, CancellationToken cancellationToken)
    {
        var synth = Path.Combine(home, "demo", "synth");
        if (!File.Exists(Path.Combine(synth, SyntheticCorpora.MspImprovFolder, SyntheticCorpora.MarkerFile)))
        {
            Console.WriteLine($"demo: writing the synthetic corpus pair to {synth}");
            SyntheticCorpora.Write(synth, SynthesisPreset.Demo, DemoSeed, cancellationToken: cancellationToken);
        }

        await using var client = await AgCcClient.ConnectAsync(stack.Settings, cancellationToken);
        foreach (var (name, layout, folder) in DemoCorpora)
        {
            var corpus = await client.AddCorpusAsync(name, layout, Path.Combine(synth, folder));
            var bar = new ProgressBar($"demo: ingest {name}");
            var done = await client.IngestAsync(corpus.Name, new SynchronousProgress<IngestionProgress>(p => bar.Show(p.Processed, p.Listed)),
                cancellationToken: cancellationToken);
            bar.Finish();
            Console.WriteLine($"demo: {name}: {done.Accepted} utterances, {done.Segments} gesture segments, {done.Rejected} rejected, {done.Excluded} excluded");
        }

        // METHOD.md step 5: the built-in log-mel features of both corpora, extracted side by side.
        foreach (var (name, _, _) in DemoCorpora) await client.StartFeatureSetAsync(name, FeatureSpec.LogMel);
        foreach (var (name, _, _) in DemoCorpora)
        {
            var bar = new ProgressBar($"demo: log-mel {name}");
            var features = await client.ExtractFeaturesAsync(name, FeatureSpec.LogMel, new SynchronousProgress<FeatureSetStatus>(s => bar.Show(s.BatchesDone, Math.Max(1, s.Batches))),
                cancellationToken: cancellationToken);
            bar.Finish();
            if (features.Stage != FeatureSetStage.Completed) throw new CliException($"features {name}/{features.Key} failed: {features.Failure}");
            Console.WriteLine($"demo: {name}: log-mel features of {features.Utterances} utterances ({features.AudioSeconds:F0} s of audio) in {features.Elapsed.TotalSeconds:F1} s");
        }

        // METHOD.md step 4 over both corpora, fitted on a seeded subsample to keep the demo short.
        var spec = new GestureClusteringSpec([.. DemoCorpora.Select(c => c.Name)]) { FitSubsample = DemoFitSubsample };
        var fit = new ProgressBar($"demo: fit {DemoClustering}");
        var clustering = await client.FitGesturesAsync(DemoClustering, spec, new SynchronousProgress<GestureClusteringStatus>(s =>
            fit.Show(s.Iteration, spec.MaxIterations, s.InertiaTrace.Count > 0 ? $"inertia {s.InertiaTrace[^1]:G6}" : s.Stage.ToString().ToLowerInvariant())),
            cancellationToken: cancellationToken);
        fit.Finish();
        if (clustering.Stage != GestureClusteringStage.Completed) throw new CliException($"gesture clustering {DemoClustering} failed: {clustering.Failure}");
        var result = await client.GetGestureClusteringResultAsync(DemoClustering);
        Console.WriteLine($"demo: {DemoClustering}: {clustering.Segments} segments ({clustering.FitSegments} fitted), {clustering.Iteration} iterations, " +
            $"{result!.Clusters.Count(c => c.Common)} of {result.Clusters.Count} clusters common to both corpora (see /gestures/{DemoClustering})");
    }

    private const string DemoClustering = "demo-gestures";
    private const int DemoFitSubsample = 2000;

    private const int DemoSeed = 0;

    private static readonly (string Name, CorpusLayout Layout, string Folder)[] DemoCorpora =
    [
        ("crema-d-synth", CorpusLayout.CremaD, SyntheticCorpora.CremaDFolder),
        ("msp-improv-synth", CorpusLayout.MspImprov, SyntheticCorpora.MspImprovFolder),
    ];

    private static async Task RunStackAsync(
        LocalStackOptions options, Func<RunningStack, string, CancellationToken, Task>? afterStart, CancellationToken cancellationToken)
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
            Console.WriteLine("agcc: running; press Ctrl-C to stop");
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            Console.WriteLine("agcc: stopping");
        }
        finally
        {
            StackState.Delete(options.Home);
        }
    }

    private sealed record StackOptions(Option<int> Port, Option<int> Silos, Option<int> GpuSilos)
    {
        public static StackOptions AddTo(Command command)
        {
            var port = new Option<int>("--port") { Description = "Dashboard port on 127.0.0.1 (0: a free port)", DefaultValueFactory = _ => 0 };
            var silos = new Option<int>("--silos") { Description = "Number of silo processes", DefaultValueFactory = _ => 1 };
            var gpuSilos = new Option<int>("--gpu-silos") { Description = "How many of the silos carry the gpu role", DefaultValueFactory = _ => 0 };
            port.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 65535) r.AddError("--port must be 0–65535"); });
            silos.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 16) r.AddError("--silos must be 1–16"); });
            gpuSilos.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--gpu-silos must not be negative"); });
            command.Options.Add(port);
            command.Options.Add(silos);
            command.Options.Add(gpuSilos);
            return new StackOptions(port, silos, gpuSilos);
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
            };
        }
    }
}
