using System.Net;
using System.Text.RegularExpressions;
using AgCc.LocalStack;

namespace AgCc.Integration.Tests;

/// <summary>
/// The README's main command as a user runs it: `agcc demo` brings Azurite, a silo and the
/// dashboard up on free loopback ports, writes and ingests the synthetic corpus pair and fits the
/// gesture clusters over it; the
/// dashboard, its MudBlazor assets and the corpus and utterance pages load in Production; other
/// `agcc` commands find the stack; Ctrl-C stops everything; after the whole stack restarts
/// (`agcc up`), every corpus and the clustering are still there.
/// </summary>
[Trait("Category", Categories.Integration)]
public sealed partial class LocalStackTests : IDisposable
{
    private const string RunningText = "running; press Ctrl-C";
    private readonly Cli cli = new(Directory.CreateTempSubdirectory("agcc-up-").FullName);
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Demo_serves_the_dashboard_and_state_survives_a_restart_of_the_whole_stack()
    {
        var corpusFolder = Directory.CreateDirectory(Path.Combine(cli.Home, "corpora", "crema-d")).FullName;

        StackState first;
        await using (var up = await cli.StartAsync(RunningText, "demo"))
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

            // The demo fitted the gesture clusters over both corpora.
            var gestures = await cli.RunAsync("gestures", "status");
            Assert.Matches(@"(?m)^demo-gestures\s+completed\s+crema-d-synth,msp-improv-synth\s+10\s", gestures.Output);
            Assert.Contains("/gestures/demo-gestures", await http.GetStringAsync(new Uri(dashboard, "/gestures")));
            var clustering = await http.GetStringAsync(new Uri(dashboard, "/gestures/demo-gestures"));
            Assert.Contains("data-testid=\"inertia-curve\"", clustering);

            // Ctrl-C: the launcher stops everything it started and forgets the stack.
            await up.InterruptAsync(TimeSpan.FromSeconds(60));
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
            var clusters = await cli.RunAsync("gestures", "show", "demo-gestures");
            Assert.True(clusters.ExitCode == 0, clusters.Errors);
            Assert.Matches(@"(?m)^9\s+\d+\s+\d+\s+\d+\s+(yes|no)", clusters.Output);
            await again.InterruptAsync(TimeSpan.FromSeconds(60));
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
        Assert.Contains("data-key=\"logmel\"", await corpus.Content.ReadAsStringAsync()); // the demo's log-mel feature set, listed on its corpus page
        var page = await http.GetStringAsync(new Uri(dashboard, $"/corpora/crema-d-synth/utterances/{id}"));
        Assert.Contains(id, page);

        using var audio = await http.GetAsync(new Uri(dashboard, $"/media/corpora/crema-d-synth/{id}.wav"));
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal("audio/wav", audio.Content.Headers.ContentType?.MediaType);
        Assert.Equal(File.ReadAllBytes(wav), await audio.Content.ReadAsByteArrayAsync());
    }

    [GeneratedRegex("""(?:href|src)="([^"]+\.(?:css|js))"(?=[^>]*>)""")]
    private static partial Regex AssetReference();

    public void Dispose()
    {
        http.Dispose();
        Directory.Delete(cli.Home, recursive: true);
    }
}
