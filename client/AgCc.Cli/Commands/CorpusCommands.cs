using System.CommandLine;
using System.Text.Json;
using AgCc.Core.Corpora;

namespace AgCc.Cli.Commands;

public static class CorpusCommands
{
    public static Command Create() => new("corpus", "Register and list corpora") { Add(), List() };

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "Corpus name: lower-case letters, digits and hyphens (crema-d)" };
        name.Validators.Add(r =>
        {
            if (CorpusName.Problem(r.GetValueOrDefault<string>()) is { } problem) r.AddError(problem);
        });
        var layout = new Option<string>("--layout")
        {
            Description = "On-disk layout of the corpus",
            Required = true,
        };
        layout.AcceptOnlyFromAmong([.. CorpusLayouts.All]);
        var path = new Option<DirectoryInfo>("--path") { Description = "The corpus's root folder", Required = true };
        path.AcceptExistingOnly();

        var command = new Command("add", "Register a corpus by name, layout and location") { name, layout, path };
        command.SetHandler(async (parse, cancellationToken) =>
        {
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            var corpus = await client.AddCorpusAsync(
                parse.GetValue(name)!, CorpusLayouts.Parse(parse.GetValue(layout)), parse.GetValue(path)!.FullName);
            Console.WriteLine($"corpus {corpus.Name}: {corpus.Layout.ToName()} at {corpus.Path}");
        });
        return command;
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
                    c.Name, Layout = c.Layout.ToName(), c.Path, c.RegisteredAt,
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
}
