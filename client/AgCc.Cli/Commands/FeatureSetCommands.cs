using System.CommandLine;
using System.Globalization;
using AgCc.Grains.Features;

namespace AgCc.Cli.Commands;

/// <summary>`agcc features start|status`: feature sets of ingested corpora, extracted on the cluster and reused by every run.</summary>
public static class FeatureSetCommands
{
    public static IEnumerable<Command> Create() => [Start(), Status()];

    private static Command Start()
    {
        var corpora = new Argument<string[]>("corpus") { Description = "Ingested corpora to extract", Arity = ArgumentArity.OneOrMore };
        var spec = new FeaturesCommands.SpecOptions();
        var noWait = new Option<bool>("--no-wait") { Description = "Start the extraction and return; follow it with `agcc features status`" };
        var command = new Command("start", "Extract the features of ingested corpora on the cluster (computed once per corpus and extractor, then reused)")
        {
            corpora, noWait,
        };
        foreach (var option in spec.All) command.Options.Add(option);
        command.SetHandler(async (parse, cancellationToken) =>
        {
            var features = spec.Read(parse);
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            var names = parse.GetValue(corpora)!;
            try
            {
                if (parse.GetValue(noWait))
                {
                    foreach (var corpus in names)
                    {
                        var started = await client.StartFeatureSetAsync(corpus, features);
                        Console.WriteLine($"features {corpus}/{started.Key}: {Stage(started)}");
                    }
                    return;
                }
                // Every corpus starts first, so they extract side by side (each set is its own grain); then one bar each, in turn.
                foreach (var corpus in names) await client.StartFeatureSetAsync(corpus, features);
                foreach (var corpus in names)
                {
                    var bar = new ProgressBar($"features {corpus}");
                    var status = await client.ExtractFeaturesAsync(corpus, features, new SynchronousProgress<FeatureSetStatus>(s =>
                        bar.Show(s.BatchesDone, Math.Max(1, s.Batches), $"{s.Utterances} utterances, {s.AudioSeconds:F0} s of audio")), cancellationToken: cancellationToken);
                    bar.Finish();
                    if (status.Stage == FeatureSetStage.Failed) throw new CliException($"features {corpus}/{status.Key} failed: {status.Failure}");
                    Console.WriteLine(Summary(status));
                }
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message);
            }
        });
        return command;
    }

    private static Command Status()
    {
        var command = new Command("status", "Feature sets on the cluster: progress, shape, throughput, rejections");
        command.SetHandler(async (parse, cancellationToken) =>
        {
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            var all = await client.ListFeatureSetsAsync();
            Console.WriteLine(TextTable.Format(
                ["corpus", "features", "stage", "batches", "utterances", "shape", "audio s/s", "device", "resumes", "failure"],
                all.Select(s => (IReadOnlyList<string>)
                [
                    s.Corpus, s.Key, Stage(s), $"{s.BatchesDone}/{s.Batches}", $"{s.Utterances}",
                    s.Shape is { } shape ? $"{(shape.Planes > 1 ? $"{shape.Planes}×" : "")}{shape.Dimensions} @ {shape.FrameRate.ToString("G4", CultureInfo.InvariantCulture)} Hz" : "",
                    s.Throughput.ToString("F0", CultureInfo.InvariantCulture), s.Device ?? "", $"{s.Resumes}", s.Failure ?? "",
                ])));
        });
        return command;
    }

    private static string Stage(FeatureSetStatus status) => status.Stage.ToString().ToLowerInvariant();

    private static string Summary(FeatureSetStatus s) =>
        $"features {s.Corpus}/{s.Key}: {s.Utterances} utterances, {s.Frames} frames, {s.AudioSeconds:F0} s of audio in {s.Elapsed.TotalSeconds:F1} s " +
        $"({s.Throughput:F0} s of audio per second, {s.ExtractionSeconds:F1} s in the extractor, on {s.Device}){(s.Rejections.Count > 0 ? $"; {s.Rejections.Count} left out" : "")}";
}
