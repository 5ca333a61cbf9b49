using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgCc.Integration.Tests;

/// <summary>The synthetic pair and a training cache shared by the `agcc train` tests (written once).</summary>
public sealed class SyntheticPairFixture : IAsyncLifetime
{
    public Cli Cli { get; } = new(Directory.CreateTempSubdirectory("agcc-train-").FullName);

    public string Data => Path.Combine(Cli.Home, "synth");

    public string Work => Path.Combine(Cli.Home, "work");

    public async Task InitializeAsync()
    {
        var (exitCode, _, errors) = await Cli.RunAsync("synth", "--out", Data, "--preset", "demo");
        Assert.True(exitCode == 0, errors);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Cli.Home, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>`agcc train` as a user runs it: an example config for the synthetic pair, a run per method, repeatability and resume.</summary>
[Trait("Category", Categories.Integration)]
[Collection(nameof(TrainCliCollection))]
public sealed class TrainCliTests(SyntheticPairFixture pair)
{
    [Theory]
    [InlineData("baseline")]
    [InlineData("pa-cc")]
    [InlineData("la-cc")]
    [InlineData("ag-cc")]
    public async Task Each_method_trains_on_the_synthetic_pair_and_writes_sane_metrics(string method)
    {
        var config = await ExampleConfigAsync(method);
        var output = Path.Combine(pair.Cli.Home, $"runs-{method}");

        var (exitCode, stdout, errors) = await TrainAsync(config, output, "--max-epochs", "2");

        Assert.True(exitCode == 0, errors + stdout);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")))!;
        Assert.Equal(method, (string)metrics["method"]!);
        Assert.Equal(2, (int)metrics["epochs"]!);
        Assert.InRange((double)metrics["uar"]!, 0, 1);
        Assert.InRange((double)metrics["wa"]!, 0, 1);
        Assert.InRange((double)metrics["macro_f1"]!, 0, 1);
        Assert.Equal(["neutral", "anger", "happiness", "sadness"], metrics["per_class_recall"]!.AsObject().Select(p => p.Key));
        var confusion = metrics["confusion"]!.AsArray().Select(row => row!.AsArray().Select(v => (long)v!).ToArray()).ToArray();
        Assert.Equal(4, confusion.Length);
        Assert.Equal((long)metrics["utterances"]!, confusion.Sum(row => row.Sum()));
        var history = metrics["history"]!.AsArray();
        Assert.Equal(2, history.Count);
        if (method is "pa-cc" or "ag-cc") Assert.All(history, e => Assert.True((long)e!["valid_triplets"]! > 0));
        Assert.True(File.Exists(Path.Combine(output, "best-model.bin")));
        Assert.True(File.Exists(Path.Combine(output, "checkpoint.bin")));
    }

    [Fact]
    public async Task The_same_config_twice_gives_identical_metrics_and_a_resumed_run_equals_an_uninterrupted_one()
    {
        var config = await ExampleConfigAsync("ag-cc");
        var (straight, again, resumed) = (Path.Combine(pair.Cli.Home, "straight"), Path.Combine(pair.Cli.Home, "again"), Path.Combine(pair.Cli.Home, "resumed"));

        Assert.Equal(0, (await TrainAsync(config, straight, "--max-epochs", "3")).ExitCode);
        Assert.Equal(0, (await TrainAsync(config, again, "--max-epochs", "3")).ExitCode);
        // Stopped after one epoch, then continued from its checkpoint to the same three.
        Assert.Equal(0, (await TrainAsync(config, resumed, "--max-epochs", "1")).ExitCode);
        var (exitCode, stdout, errors) = await TrainAsync(config, resumed, "--max-epochs", "3", "--resume");

        Assert.True(exitCode == 0, errors);
        Assert.Contains("resumed from", stdout);
        Assert.Equal(Comparable(straight), Comparable(again));
        Assert.Equal(Comparable(straight), Comparable(resumed));
        Assert.Equal(File.ReadAllBytes(Path.Combine(straight, "best-model.bin")), File.ReadAllBytes(Path.Combine(resumed, "best-model.bin")));
    }

    [Fact]
    public async Task A_bad_config_is_refused_naming_each_field()
    {
        var config = Path.Combine(pair.Cli.Home, "bad.json");
        await File.WriteAllTextAsync(config, """{ "method": "ag-cc", "task": "4class", "source": { "name": "a" }, "target": { "name": "b" }, "training": { "epochs": 0, "batchSize": 1 } }""");

        var (exitCode, _, errors) = await pair.Cli.RunAsync("train", "--config", config, "--output", Path.Combine(pair.Cli.Home, "bad"));

        Assert.Equal(1, exitCode);
        Assert.Contains("bad.json", errors);
        Assert.Contains("training.epochs: must be at least 1", errors);
        Assert.Contains("training.batchSize: must be at least 2", errors);
    }

    private async Task<string> ExampleConfigAsync(string method)
    {
        var (exitCode, stdout, errors) = await pair.Cli.RunAsync("train", "--print-example-config", "--method", method, "--data", pair.Data);
        Assert.True(exitCode == 0, errors);
        var path = Path.Combine(pair.Cli.Home, $"{method}.json");
        await File.WriteAllTextAsync(path, stdout);
        return path;
    }

    private Task<AgCc.LocalStack.ProcessResult> TrainAsync(string config, string output, params string[] more) =>
        pair.Cli.RunAsync(["train", "--config", config, "--output", output, "--work", pair.Work, .. more]);

    /// <summary>metrics.json without wall-clock times.</summary>
    private static string Comparable(string output)
    {
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")))!.AsObject();
        metrics.Remove("seconds");
        foreach (var epoch in metrics["history"]!.AsArray()) epoch!.AsObject().Remove("seconds");
        return metrics.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}

[CollectionDefinition(nameof(TrainCliCollection))]
public sealed class TrainCliCollection : ICollectionFixture<SyntheticPairFixture>;
