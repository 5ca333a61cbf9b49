using System.Net;
using System.Text.RegularExpressions;
using AgCc.Core.Experiments.Results;
using AgCc.Core.Training.Config;
using AgCc.LocalStack;

namespace AgCc.Integration.Tests;

/// <summary>
/// The README's main command as a user runs it (a smaller grid: one seed, two epochs): `agcc demo`
/// brings Azurite, a silo and the dashboard up on free loopback ports, writes and ingests the
/// synthetic corpus pair, fits the gesture clusters over it and runs the experiment grid to its
/// results table; the dashboard, its MudBlazor assets and the corpus, utterance and experiment
/// pages load in Production, the experiment page showing exactly the table `agcc experiment
/// results --format json` exports; other `agcc` commands find the stack; Ctrl-C stops everything;
/// after the whole stack restarts (`agcc up`), every corpus, the clustering and the experiment are
/// still there.
/// </summary>
[Trait("Category", Categories.Integration)]
public sealed partial class LocalStackTests : IDisposable
{
    private const string RunningText = "running; press Ctrl-C";

    // Each process of the stack gets 10 s to stop.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(60);
    private readonly Cli cli = new(Directory.CreateTempSubdirectory("agcc-up-").FullName);
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Demo_serves_the_dashboard_and_state_survives_a_restart_of_the_whole_stack()
    {
        var corpusFolder = Directory.CreateDirectory(Path.Combine(cli.Home, "corpora", "crema-d")).FullName;

        StackState first;
        string clusteringName;
        await using (var up = await cli.StartAsync(RunningText, "demo", "--seeds", "1", "--epochs", "2"))
        {
            first = StackState.TryLoad(cli.Home) ?? throw new InvalidOperationException("up recorded no stack");
            Assert.Equal(up.Pid, first.LauncherPid);
            var dashboard = new Uri(first.DashboardUrl);
            Assert.Equal("127.0.0.1", dashboard.Host);

            await AssertDashboardServesAsync(dashboard);

            var status = await cli.RunAsync("cluster", "status");
            Assert.Equal(0, status.ExitCode);
            Assert.Matches(@"(?m)^cpu-1\s+cpu\s+cpu\s+Active", status.Output);

            var add = await cli.RunAsync("corpus", "add", "crema-d", "--layout", "crema-d", "--path", corpusFolder);
            Assert.True(add.ExitCode == 0, add.Errors);

            var corpora = await http.GetStringAsync(new Uri(dashboard, "/corpora"));
            Assert.Contains(corpusFolder, corpora);
            Assert.Contains("crema-d-synth", corpora);
            Assert.Contains("msp-improv-synth", corpora);
            await AssertUtteranceServedAsync(dashboard);

            // The demo fitted the gesture clusters over both corpora (the clustering its AG-CC runs share).
            var gestures = await cli.RunAsync("gestures", "status");
            var fitted = Regex.Match(gestures.Output, @"(?m)^(run-[0-9a-f]{16})\s+completed\s+crema-d-synth,msp-improv-synth\s+10\s");
            Assert.True(fitted.Success, gestures.Output);
            clusteringName = fitted.Groups[1].Value;
            Assert.Contains($"/gestures/{clusteringName}", await http.GetStringAsync(new Uri(dashboard, "/gestures")));
            var clustering = await http.GetStringAsync(new Uri(dashboard, $"/gestures/{clusteringName}"));
            Assert.Contains("data-testid=\"inertia-curve\"", clustering);

            await AssertExperimentShownAsExportedAsync(dashboard);

            // Ctrl-C: the launcher stops everything it started and forgets the stack.
            await up.InterruptAsync(StopGrace);
            Assert.Equal(0, up.ExitCode);
        }
        Assert.Null(StackState.TryLoad(cli.Home));
        Assert.All(first.Pids, pid => Assert.False(ManagedProcess.IsRunning(pid), $"process {pid} outlived the stack"));

        await using (var again = await cli.StartAsync(RunningText, "up"))
        {
            var list = await cli.RunAsync("corpus", "list");
            Assert.Equal(0, list.ExitCode);
            Assert.Matches($@"(?m)^crema-d\s+crema-d\s+{Regex.Escape(corpusFolder)}\s", list.Output);
            Assert.Matches(@"(?m)^crema-d-synth\s+crema-d\s", list.Output);
            Assert.Matches(@"(?m)^msp-improv-synth\s+msp-improv\s", list.Output);

            // The ingestion is durable too: nothing to redo, every utterance still served.
            var show = await cli.RunAsync("corpus", "show", "crema-d-synth");
            Assert.Contains("ingestion: Completed, 240/240 processed, 240 accepted", show.Output);
            var clusters = await cli.RunAsync("gestures", "show", clusteringName);
            Assert.True(clusters.ExitCode == 0, clusters.Errors);
            Assert.Matches(@"(?m)^9\s+\d+\s+\d+\s+\d+\s+(yes|no)", clusters.Output);
            var experiment = await cli.RunAsync("experiment", "status", DemoExperiment);
            Assert.True(experiment.ExitCode == 0, experiment.Errors);
            Assert.StartsWith($"experiment {DemoExperiment}: completed, 16 of 16 runs ended", experiment.Output);
            await again.InterruptAsync(StopGrace);
        }
    }

    private async Task AssertDashboardServesAsync(Uri dashboard)
    {
        var home = await http.GetAsync(dashboard);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();

        var assets = AssetReference().Matches(html).Select(m => m.Groups[1].Value).ToArray();
        Assert.Contains(assets, a => a.StartsWith("_content/MudBlazor/", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("_content/MudBlazor/", StringComparison.Ordinal) && a.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains("_framework/blazor.web.js", assets);
        foreach (var asset in assets)
        {
            using var response = await http.GetAsync(new Uri(dashboard, asset));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000, $"{asset} is nearly empty");
        }

        // Prerendered on the server, so the silo table is in the first response.
        var cluster = await http.GetStringAsync(new Uri(dashboard, "/cluster"));
        Assert.Contains("cpu-1", cluster);
        Assert.Contains("Active", cluster);

        using var ops = await http.GetAsync(new Uri(dashboard, "/ops/orleans/"));
        Assert.Equal(HttpStatusCode.OK, ops.StatusCode);
    }


    /// <summary>The demo's first CREMA-D-like utterance: its corpus page (with its features), its page and its audio.</summary>
    private async Task AssertUtteranceServedAsync(Uri dashboard)
    {
        var wav = Directory.EnumerateFiles(Path.Combine(cli.Home, "demo", "synth", "crema-d-synth", "AudioWAV")).Order(StringComparer.Ordinal).First();
        var id = Path.GetFileNameWithoutExtension(wav);

        var corpus = await http.GetAsync(new Uri(dashboard, "/corpora/crema-d-synth"));
        Assert.Equal(HttpStatusCode.OK, corpus.StatusCode);
        Assert.Contains("data-key=\"logmel-cmvn-corpus\"", await corpus.Content.ReadAsStringAsync()); // the demo's log-mel feature set, listed on its corpus page
        var page = await http.GetStringAsync(new Uri(dashboard, $"/corpora/crema-d-synth/utterances/{id}"));
        Assert.Contains(id, page);

        using var audio = await http.GetAsync(new Uri(dashboard, $"/media/corpora/crema-d-synth/{id}.wav"));
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal("audio/wav", audio.Content.Headers.ContentType?.MediaType);
        Assert.Equal(File.ReadAllBytes(wav), await audio.Content.ReadAsByteArrayAsync());
    }

    /// <summary>
    /// The demo experiment's results: the CLI's exports agree with each other, and the prerendered
    /// experiment page shows, cell for cell, the table the JSON export holds.
    /// </summary>
    private async Task AssertExperimentShownAsExportedAsync(Uri dashboard)
    {
        var exported = await cli.RunAsync("experiment", "results", DemoExperiment, "--format", "json");
        Assert.True(exported.ExitCode == 0, exported.Errors);
        var table = ExperimentTableFormats.ReadJson(exported.Output);
        Assert.True(table.IsFinal);
        Assert.Equal(16, table.Runs);
        Assert.Equal(16, table.Rows.Count); // 4 methods × 2 directions × 2 tasks, one seed each
        Assert.Equal(table.Runs, table.Completed);

        var csv = await cli.RunAsync("experiment", "results", DemoExperiment, "--format", "csv");
        var csvRows = csv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + table.Rows.Count, csvRows.Length);
        var markdown = await cli.RunAsync("experiment", "results", DemoExperiment);
        Assert.Contains("| AG-CC |", markdown.Output);

        var page = await http.GetStringAsync(new Uri(dashboard, $"/experiments/{DemoExperiment}"));
        var shown = ResultsCell().Matches(page).ToDictionary(
            m => (m.Groups["method"].Value, m.Groups["task"].Value, m.Groups["direction"].Value),
            m => WebUtility.HtmlDecode(m.Groups["text"].Value));
        Assert.Equal(table.Rows.Count, shown.Count);
        foreach (var row in table.Rows)
        {
            var marks = ExperimentTableFormats.Marks(row);
            var expected = ExperimentTableFormats.MeanStd(row.Uar) + (marks.Length > 0 ? " " + marks : "") + ExperimentTableFormats.Partial(row);
            Assert.Equal(expected, shown[(row.Cell.Method.ToName(), row.Cell.Task, $"{row.Cell.Source}-to-{row.Cell.Target}")]);
        }
        Assert.Contains("/experiments/" + DemoExperiment, await http.GetStringAsync(new Uri(dashboard, "/experiments")));
    }

    private const string DemoExperiment = "demo-s1-e2";

    [GeneratedRegex(@"data-testid=""results-cell""[^>]*?data-method=""(?<method>[^""]+)""[^>]*?data-task=""(?<task>[^""]+)""[^>]*?data-direction=""(?<direction>[^""]+)""[^>]*?data-text=""(?<text>[^""]*)""")]
    private static partial Regex ResultsCell();

    [GeneratedRegex("""(?:href|src)="([^"]+\.(?:css|js))"(?=[^>]*>)""")]
    private static partial Regex AssetReference();

    public void Dispose()
    {
        http.Dispose();
        Directory.Delete(cli.Home, recursive: true);
    }
}
