using System.CommandLine;
using System.Text.Json;
using AgCc.Client;
using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Ingestion;
using AgCc.Core.Corpora.Layouts;
using AgCc.Grains.Corpora;

namespace AgCc.Cli.Commands;

public static class CorpusCommands
{
    public static Command Create() => new("corpus", "Register, validate, ingest and inspect corpora")
    {
        Add(), Ingest(), List(), Show(), Validate(),
    };

    private static Argument<string> NameArgument()
    {
        var name = new Argument<string>("name") { Description = "Corpus name: lower-case letters, digits and hyphens (crema-d)" };
        name.Validators.Add(r =>
        {
            if (CorpusName.Problem(r.GetValueOrDefault<string>()) is { } problem) r.AddError(problem);
        });
        return name;
    }

    private static Option<string> LayoutOption()
    {
        var layout = new Option<string>("--layout") { Description = "On-disk layout of the corpus", Required = true };
        layout.AcceptOnlyFromAmong([.. CorpusLayouts.All]);
        return layout;
    }

    private static Option<DirectoryInfo> FolderOption(string name, string description, bool required = false)
    {
        var option = new Option<DirectoryInfo>(name) { Description = description, Required = required };
        option.AcceptExistingOnly();
        return option;
    }

    private static Option<string> CremaLabelsOption()
    {
        var labels = new Option<string>("--labels")
        {
            Description = "crema-d only: the file name's emotion, or a crowd vote of processedResults/summaryTable.csv",
            DefaultValueFactory = _ => "file-name",
        };
        labels.AcceptOnlyFromAmong([.. CorpusLayoutReaders.CremaLabelNames.Keys]);
        return labels;
    }

    private static Command Add()
    {
        var (name, layout) = (NameArgument(), LayoutOption());
        var path = new Option<FileSystemInfo>("--path") { Description = "The corpus's root folder (for manifest: the folder or its CSV)", Required = true };
        path.AcceptExistingOnly();
        var landmarks = FolderOption("--landmarks", "Folder of the OpenFace CSVs (default: PATH/openface)");
        var alignments = FolderOption("--alignments", "Folder of the MFA TextGrids (default: PATH/mfa)");
        var ingest = new Option<bool>("--ingest") { Description = "Ingest right after registering, following its progress" };
        var labels = CremaLabelsOption();

        var command = new Command("add", "Register a corpus by name, layout and location") { name, layout, path, landmarks, alignments, labels, ingest };
        command.SetHandler(async (parse, cancellationToken) =>
        {
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            var corpus = await client.AddCorpusAsync(
                parse.GetValue(name)!, CorpusLayouts.Parse(parse.GetValue(layout)), parse.GetValue(path)!.FullName,
                parse.GetValue(landmarks)?.FullName, parse.GetValue(alignments)?.FullName,
                CorpusLayoutReaders.CremaLabelNames[parse.GetValue(labels)!]);
            Console.WriteLine($"corpus {corpus.Name}: {corpus.Layout.ToName()} at {corpus.Path}");
            if (parse.GetValue(ingest)) await FollowIngestionAsync(client, corpus.Name, cancellationToken);
        });
        return command;
    }

    private static Command Ingest()
    {
        var name = NameArgument();
        var command = new Command("ingest", "Ingest a registered corpus into the cluster and follow its progress (a no-op when nothing changed)") { name };
        command.SetHandler(async (parse, cancellationToken) =>
        {
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            await FollowIngestionAsync(client, parse.GetValue(name)!, cancellationToken);
        });
        return command;
    }

    private static async Task FollowIngestionAsync(AgCcClient client, string name, CancellationToken cancellationToken)
    {
        var bar = new ProgressBar($"ingest {name}");
        var done = await client.IngestAsync(name, new SynchronousProgress<IngestionProgress>(p =>
            bar.Show(p.Processed, p.Listed, $"accepted {p.Accepted}, rejected {p.Rejected}")), cancellationToken: cancellationToken);
        bar.Finish();
        if (done.State == IngestionState.Failed) throw new CliException($"ingestion of {name} failed: {done.Failure}");
        Console.WriteLine($"corpus {name}: {done.Accepted} utterances ingested ({done.Segments} gesture segments), {done.Rejected} rejected, {done.Excluded} excluded");
        if (done.Rejected > 0) Console.WriteLine($"see the rejections with `agcc corpus show {name}`");
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var command = new Command("list", "List the registered corpora") { json };
        command.SetHandler(async (parse, cancellationToken) =>
        {
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            var corpora = await client.ListCorporaAsync();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(corpora.Select(c => new
                {
                    c.Name, Layout = c.Layout.ToName(), c.Path, c.Landmarks, c.Alignments, c.RegisteredAt,
                }), CliJson.Options));
                return;
            }
            if (corpora.Count == 0)
            {
                Console.WriteLine("no corpora registered; add one with `agcc corpus add NAME --layout LAYOUT --path DIR`");
                return;
            }
            Console.WriteLine(TextTable.Format(
                ["NAME", "LAYOUT", "PATH", "REGISTERED"],
                corpora.Select(c => (IReadOnlyList<string>)[c.Name, c.Layout.ToName(), c.Path, c.RegisteredAt.ToString("u")])));
        });
        return command;
    }

    private static Command Show()
    {
        var name = NameArgument();
        var command = new Command("show", "A corpus's ingestion, counts per emotion and speaker, and its rejections") { name };
        command.SetHandler(async (parse, cancellationToken) =>
        {
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            var corpusName = parse.GetValue(name)!;
            var summary = await client.GetCorpusSummaryAsync(corpusName);
            var i = summary.Ingestion;
            Console.WriteLine($"corpus {summary.Info.Name}: {summary.Info.Layout.ToName()} at {summary.Info.Path}");
            Console.WriteLine($"ingestion: {i.State}, {i.Processed}/{i.Listed} processed, {i.Accepted} accepted, {i.Rejected} rejected, {i.Excluded} excluded, {i.Segments} segments{(i.Failure is null ? "" : $", failure: {i.Failure}")}");
            Console.WriteLine("emotions: " + string.Join(", ", summary.EmotionCounts.OrderBy(e => e.Key).Select(e => $"{e.Key.ToString().ToLowerInvariant()} {e.Value}")));
            Console.WriteLine($"speakers: {summary.SpeakerCounts.Count} (" + string.Join(", ", summary.SpeakerCounts.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}")) + ")");
            foreach (var r in await client.GetRejectionsAsync(corpusName))
                Console.WriteLine($"{(r.Excluded ? "excluded" : "rejected")} {r.Utterance}: {r.File}: {r.Reason}");
        });
        return command;
    }

    private static Command Validate()
    {
        var layout = LayoutOption();
        var path = new Option<FileSystemInfo>("--path") { Description = "The corpus's root folder (for manifest: the folder or its CSV)", Required = true };
        path.AcceptExistingOnly();
        var landmarks = FolderOption("--landmarks", "Folder of the OpenFace CSVs (default: PATH/openface)");
        var alignments = FolderOption("--alignments", "Folder of the MFA TextGrids (default: PATH/mfa)");
        var json = new Option<FileInfo>("--json") { Description = "Also write the report as JSON: accepted ids and rejected {utterance, file, reason}" };
        var labels = CremaLabelsOption();

        var command = new Command("validate", "Check a corpus offline (no cluster): every utterance accepted or rejected with its reason; exit code 0 when it ran")
        {
            layout, path, landmarks, alignments, labels, json,
        };
        command.SetHandler((parse, cancellationToken) =>
        {
            var location = new CorpusLocation(parse.GetValue(path)!.FullName, parse.GetValue(landmarks)?.FullName, parse.GetValue(alignments)?.FullName);
            var bar = new ProgressBar("validate");
            var chosenLayout = CorpusLayouts.Parse(parse.GetValue(layout));
            var cremaLabels = CorpusLayoutReaders.CremaLabelNames[parse.GetValue(labels)!];
            if (cremaLabels != CremaDLabelSource.FileName && chosenLayout != CorpusLayout.CremaD)
                throw new CliException("--labels applies to the crema-d layout only");
            var gate = new object();
            var report = CorpusValidator.Validate(chosenLayout, location,
                new SynchronousProgress<(int Done, int Total)>(p =>
                {
                    lock (gate) bar.Show(p.Done, p.Total);
                }), cancellationToken, cremaLabels);
            bar.Finish();
            foreach (var r in report.Rejected) Console.WriteLine($"rejected {r.Utterance}: {r.File}: {r.Reason}");
            foreach (var r in report.Excluded) Console.WriteLine($"excluded {r.Utterance}: {r.File}: {r.Reason}");
            Console.WriteLine($"{report.Accepted.Count} accepted, {report.Rejected.Count} rejected, {report.Excluded.Count} excluded");
            if (parse.GetValue(json) is { } output)
            {
                File.WriteAllText(output.FullName, JsonSerializer.Serialize(new
                {
                    accepted = report.Accepted,
                    rejected = report.Rejected.Select(r => new { utterance = r.Utterance, file = r.File, reason = r.Reason }),
                    excluded = report.Excluded.Select(r => new { utterance = r.Utterance, file = r.File, reason = r.Reason }),
                }, CliJson.Options));
            }
            return Task.CompletedTask;
        });
        return command;
    }
}

/// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
