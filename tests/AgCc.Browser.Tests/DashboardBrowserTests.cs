using System.Diagnostics;
using System.Text.RegularExpressions;
using AgCc.Core.Experiments;
using AgCc.Core.Features;
using AgCc.Core.Training.Config;
using AgCc.Grains.Experiments;
using AgCc.Grains.Training;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AgCc.Browser.Tests;

/// <summary>
/// The dashboard end to end in Chromium, over a real stack holding the synthetic pair: a run
/// launched from the /launch form trains to completion on /runs/{id} with its curves drawn, and
/// launching the same form again opens the same run; a tiny experiment started through the client
/// fills the Experiments pages; two runs are compared from /runs; every page is screenshot
/// (TestResults/screenshots) once it shows its main content and no Blazor error UI.
/// </summary>
[Trait("Category", Categories.Integration)]
public sealed partial class DashboardBrowserTests(DashboardStackFixture stack, ITestOutputHelper output) : IClassFixture<DashboardStackFixture>
{
    private const string Source = DashboardStackFixture.Source;
    private const string Target = DashboardStackFixture.Target;
    private const string ExperimentName = "browser-e2e";

    /// <summary>The form's run: its seed is unlike the experiment's, so its id prefix names it alone.</summary>
    private const long FormSeed = 7;

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ExperimentTimeout = TimeSpan.FromMinutes(4);

    /// <summary>The form run's gesture settings; the experiment's AG-CC runs use the same, so they share its clustering.</summary>
    private static readonly GestureConfig Gestures = new(Clusters: 4, FitSubsample: 300);

    [Fact]
    public async Task Every_page_shows_a_run_launched_from_the_form_and_an_experiment()
    {
        var clock = Stopwatch.StartNew();
        await using var tab = await DashboardPage.OpenAsync(stack.Browser, stack.Dashboard, DashboardStackFixture.ScreenshotFolder);
        await using var side = await DashboardPage.OpenAsync(stack.Browser, stack.Dashboard, DashboardStackFixture.ScreenshotFolder);
        try
        {
            // 1. A single AG-CC run from the form.
            var runId = await LaunchFromFormAsync(tab, screenshot: true);
            stack.Log($"launched {runId} from the form");

            // 2. The experiment, queued behind it (one training per silo); its AG-CC runs share the run's clustering.
            var experiment = await stack.Client.StartExperimentAsync(TinyExperiment());
            stack.Log($"experiment {experiment.Name} started: {experiment.Runs.Count} runs");

            // 3. The run trains to completion under the browser's eyes, while the other tab shoots the pages that need no run.
            await Task.WhenAll(WatchRunAsync(tab, runId), ShootStaticPagesAsync(side));
            stack.Log($"{runId} completed on its page");

            // 4. The same form again opens the same run: no duplicate.
            var again = await LaunchFromFormAsync(tab, screenshot: false);
            Assert.Equal(runId, again);
            await Expect(tab.TestId("run-status")).ToHaveAttributeAsync("data-state", "completed");
            var prefix = $"ag-cc-4class-{Source}-to-{Target}-s{FormSeed}-";
            Assert.StartsWith(prefix, runId, StringComparison.Ordinal);
            var same = await stack.Client.QueryRunsAsync(new RunQuery(Text: prefix));
            Assert.Equal([runId], same.Items.Select(r => r.Id));
            stack.Log("the same form opened the same run");

            // 5. The experiment to its end.
            using var limit = new CancellationTokenSource(ExperimentTimeout);
            var ended = await stack.Client.FollowExperimentAsync(experiment, cancellationToken: limit.Token);
            Assert.True(ended.Stage == ExperimentStage.Completed, $"experiment {ended.Stage}: {ended.Failure}");
            Assert.All(ended.Runs, r => Assert.True(r.State == "completed", $"{r.RunId}: {r.State} {r.Failure}"));
            Assert.NotNull(ended.Clustering);
            stack.Log($"experiment completed ({ended.Runs.Count} runs)");

            // The run and the experiment share one gesture clustering.
            var clusterings = await stack.Client.ListGestureClusteringsAsync();
            Assert.Equal([ended.Clustering], clusterings.Select(c => c.Name));

            // 6. Every page with that data.
            await ShootRunsAndCompareAsync(tab, runId, ended);
            await ShootExperimentPagesAsync(tab, ended);
            await ShootGesturePagesAsync(tab, ended.Clustering!);
            await tab.GotoAsync("/");
            await Expect(tab.TestId("corpus-count")).ToHaveTextAsync("2");
            await Expect(tab.TestId("silo-count")).ToHaveTextAsync("1");
            await tab.ShotAsync("01-home", tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Cross-corpus SER" }));
            stack.Log("every page shot");
        }
        finally
        {
            foreach (var line in stack.Timeline) output.WriteLine(line);
            output.WriteLine($"test body: {clock.Elapsed.TotalSeconds:0.0} s");
            foreach (var shot in tab.Screenshots.Concat(side.Screenshots).Order(StringComparer.Ordinal)) output.WriteLine($"screenshot {shot}");
            foreach (var error in tab.BrowserErrors.Concat(side.BrowserErrors)) output.WriteLine($"browser: {error}");
        }
        Assert.DoesNotContain(tab.BrowserErrors.Concat(side.BrowserErrors), IsBlazorFailure);
    }

    /// <summary>An error the circuit or the page's scripts raised (not, say, a missing favicon).</summary>
    private static bool IsBlazorFailure(string error) =>
        error.Contains("Blazor", StringComparison.OrdinalIgnoreCase) || error.Contains("circuit", StringComparison.OrdinalIgnoreCase)
        || error.Contains("page error", StringComparison.Ordinal) || error.Contains("Unhandled", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Opens /launch, fills the form for the small run (every field checked in the live preview),
    /// presses Launch and returns the id of the run page it lands on, which is the preview's own id.
    /// </summary>
    private async Task<string> LaunchFromFormAsync(DashboardPage tab, bool screenshot)
    {
        await tab.GotoAsync("/launch");
        var preview = tab.TestId("preview");
        await Expect(tab.TestId("launch-form")).ToHaveAttributeAsync("data-mode", "run");

        await SelectAsync(tab, "field-source", Source);
        await SelectAsync(tab, "field-target", Target);
        await SelectAsync(tab, "field-method", "ag-cc");
        await SelectAsync(tab, "field-task", "4class");
        await Expect(preview).ToHaveTextAsync(new Regex($"\"source\":\\s*\\{{\\s*\"name\":\\s*\"{Source}\""));
        await Expect(preview).ToHaveTextAsync(new Regex($"\"target\":\\s*\\{{\\s*\"name\":\\s*\"{Target}\""));
        await Expect(preview).ToHaveTextAsync(new Regex("\"method\":\\s*\"ag-cc\""));

        await FillAsync(tab, "field-seed", FormSeed.ToString(System.Globalization.CultureInfo.InvariantCulture), "seed");
        await FillAsync(tab, "field-clusters", Gestures.Clusters.ToString(System.Globalization.CultureInfo.InvariantCulture), "clusters");
        await FillAsync(tab, "field-fit-subsample", Gestures.FitSubsample.ToString(System.Globalization.CultureInfo.InvariantCulture), "fitSubsample");
        await FillAsync(tab, "field-epochs", "2", "epochs");
        await FillAsync(tab, "field-batch-size", "32", "batchSize");
        await FillAsync(tab, "field-learning-rate", "0.001", "learningRate");

        var launch = tab.TestId("launch");
        await Expect(launch).ToBeEnabledAsync();
        await Expect(tab.TestId("launch-state")).ToHaveTextAsync("Launching the same run again follows it.");
        var expected = RunConfigJson.Parse(await preview.InnerTextAsync(), "preview").RunId();
        if (screenshot) await tab.ShotAsync("02-launch", tab.TestId("launch-form"));

        await launch.ClickAsync();
        await tab.Page.WaitForURLAsync(new Regex("/runs/[^/?#]+$"));
        var id = Uri.UnescapeDataString(new Uri(tab.Page.Url).Segments[^1]);
        Assert.Equal(expected, id);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = id })).ToBeVisibleAsync();
        return id;
    }

    /// <summary>Picks <paramref name="option"/> in a MudSelect: open its list, click the item.</summary>
    private static async Task SelectAsync(DashboardPage tab, string testId, string option)
    {
        var select = tab.Page.Locator($".mud-select:has([data-testid='{testId}']), .mud-select[data-testid='{testId}']").First;
        await select.ClickAsync();
        var item = tab.Page.Locator(".mud-popover-open").GetByText(option, new() { Exact = true }).First;
        await item.ClickAsync();
        await Expect(tab.Page.Locator(".mud-popover-open .mud-list")).ToHaveCountAsync(0);
    }

    /// <summary>Types into a MudTextField / MudNumericField and waits until the preview holds the value.</summary>
    private static async Task FillAsync(DashboardPage tab, string testId, string value, string jsonField)
    {
        var input = tab.Page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;
        await input.FillAsync(value);
        await input.PressAsync("Tab");
        await Expect(tab.TestId("preview")).ToHaveTextAsync(new Regex($"\"{jsonField}\":\\s*{Regex.Escape(value)}[,\\s]"));
    }

    /// <summary>Waits on the run page (it polls every second) until the run completed and both curves have points.</summary>
    private async Task WatchRunAsync(DashboardPage tab, string runId)
    {
        var timeout = new LocatorAssertionsToHaveAttributeOptions { Timeout = (float)RunTimeout.TotalMilliseconds };
        await Expect(tab.TestId("run-status")).ToHaveAttributeAsync("data-state", "completed", timeout);
        foreach (var curve in new[] { "loss-curve", "uar-curve" })
        {
            var line = tab.TestId(curve).Locator("polyline[data-series]").First;
            await Expect(line).ToHaveAttributeAsync("data-count", "2");
            await Expect(line).ToHaveAttributeAsync("points", PointList());
        }
        await Expect(tab.TestId("confusion-cell").First).ToBeVisibleAsync();
        await Expect(tab.TestId("method")).ToHaveTextAsync("ag-cc");
        await Expect(tab.TestId("epoch")).ToContainTextAsync("2");
        await tab.ShotAsync("04-run", tab.TestId("result-scores"));
        stack.Log($"run page of {runId} shot");
    }

    /// <summary>The corpus, utterance and cluster pages: the fixture ingested both corpora.</summary>
    private async Task ShootStaticPagesAsync(DashboardPage tab)
    {
        await tab.GotoAsync("/corpora");
        await Expect(tab.TestId("corpora")).ToContainTextAsync(Source);
        await Expect(tab.TestId("corpora")).ToContainTextAsync(Target);
        await tab.ShotAsync("08-corpora", tab.TestId("corpora"));

        await tab.GotoAsync($"/corpora/{Source}");
        await Expect(tab.TestId("registration")).ToContainTextAsync(Source);
        await tab.ShotAsync($"09-corpus-{Source}", tab.TestId("registration"));

        var utterance = (await stack.Client.GetUtterancesAsync(Source, 0, 1)).Rows[0].Id;
        await tab.GotoAsync($"/corpora/{Source}/utterances/{Uri.EscapeDataString(utterance)}");
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = utterance })).ToBeVisibleAsync();
        await tab.ShotAsync("10-utterance", tab.TestId("labels"));

        await tab.GotoAsync("/cluster");
        await Expect(tab.TestId("silos")).ToContainTextAsync("cpu-1");
        await Expect(tab.TestId("silos")).ToContainTextAsync("Active");
        await tab.ShotAsync("13-cluster", tab.TestId("silos"));
        stack.Log("corpus, utterance and cluster pages shot");
    }

    /// <summary>/runs with every run, two picked (the experiment's baseline and AG-CC of seed 0), and Compare.</summary>
    private async Task ShootRunsAndCompareAsync(DashboardPage tab, string formRun, ExperimentStatus experiment)
    {
        await tab.GotoAsync("/runs");
        var links = tab.TestId("run-link");
        await Expect(links).ToHaveCountAsync(1 + experiment.Runs.Count);
        await Expect(tab.Page.Locator($"[data-testid='run-link'][data-run='{formRun}']")).ToBeVisibleAsync();

        string[] picked = [.. experiment.Runs.Where(r => r.Seed == 0).Select(r => r.RunId)];
        Assert.Equal(2, picked.Length);
        foreach (var run in picked)
        {
            await tab.Page.Locator($"[aria-label='pick {run} to compare']").First.ClickAsync();
        }
        var compare = tab.TestId("compare");
        await Expect(compare).ToHaveAttributeAsync("data-count", "2");
        await tab.ShotAsync("03-runs", links);

        await compare.ClickAsync();
        await tab.Page.WaitForURLAsync(new Regex(@"/compare\?runs="));
        var query = Uri.UnescapeDataString(new Uri(tab.Page.Url).Query);
        Assert.All(picked, run => Assert.Contains(run, query, StringComparison.Ordinal));
        // The address changes before the new page renders: wait for the runs list to go.
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Training runs" })).ToHaveCountAsync(0);

        // The compare page is being written beside this test: without it the router answers "Nothing here.".
        var comparePage = tab.TestId("compare-page");
        var main = comparePage.Or(tab.Page.GetByText("Nothing here.")).Or(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Compare runs" }));
        await Expect(main.First).ToBeVisibleAsync();
        if (await comparePage.CountAsync() > 0)
        {
            foreach (var run in picked) await Expect(comparePage).ToHaveAttributeAsync("data-runs", new Regex(Regex.Escape(run)));
            try
            {
                await Expect(comparePage.Locator("svg polyline").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
            }
            catch (PlaywrightException e)
            {
                stack.Log($"the compare page drew no curve within 15 s: {e.Message.Split('\n')[0]}");
            }
        }
        await tab.ShotAsync("05-compare", main);
        stack.Log($"compared {string.Join(" and ", picked)}: {(await comparePage.CountAsync() > 0 ? "compare page shown" : await main.First.InnerTextAsync())}");
    }

    private async Task ShootExperimentPagesAsync(DashboardPage tab, ExperimentStatus experiment)
    {
        await tab.GotoAsync("/experiments");
        var name = tab.Page.Locator("[data-testid='experiment-name']").Filter(new() { HasText = experiment.Name });
        await Expect(name).ToBeVisibleAsync();
        await tab.ShotAsync("06-experiments", tab.TestId("experiments"));

        await tab.GotoAsync($"/experiments/{experiment.Name}");
        await Expect(tab.TestId("results")).ToHaveAttributeAsync("data-final", new Regex("^(true|True)$"));
        await Expect(tab.TestId("results-cell")).ToHaveCountAsync(2);
        await Expect(tab.Page.Locator("[data-testid='run-chip'][data-state='completed']")).ToHaveCountAsync(experiment.Runs.Count);
        await Expect(tab.TestId("clustering-link")).ToContainTextAsync(experiment.Clustering!);
        await tab.ShotAsync("07-experiment", tab.TestId("results"));
    }

    private async Task ShootGesturePagesAsync(DashboardPage tab, string clustering)
    {
        await tab.GotoAsync("/gestures");
        await Expect(tab.TestId("clusterings")).ToContainTextAsync(clustering);
        await Expect(tab.TestId("clusterings")).ToContainTextAsync("completed");
        await tab.ShotAsync("11-gestures", tab.TestId("clusterings"));

        await tab.GotoAsync($"/gestures/{clustering}");
        await Expect(tab.TestId("inertia-curve").Locator("polyline").First).ToHaveAttributeAsync("points", PointList());
        await Expect(tab.TestId("heatmaps")).ToBeVisibleAsync();
        await tab.ShotAsync("12-gesture-clustering", tab.TestId("heatmaps"));
    }

    /// <summary>A tiny grid: baseline and AG-CC, crema-d-synth → msp-improv-synth, 4class, seeds 0 and 1, 2 epochs of a small model.</summary>
    private static ExperimentConfig TinyExperiment() => new()
    {
        Name = ExperimentName,
        Corpora = [new CorpusReference(Source), new CorpusReference(Target)],
        Directions = [new ExperimentDirection(Source, Target)],
        Methods = [TrainingMethod.Baseline, TrainingMethod.AgCc],
        Tasks = ["4class"],
        Seeds = [0, 1],
        Features = FeatureSpec.LogMel,
        Gestures = Gestures,
        Model = new ModelConfig(Width: 32, Layers: 1, Heads: 2, FeedForward: 64, Hidden: [32, 16]),
        Training = new OptimizationConfig(Epochs: 2, BatchSize: 32, LearningRate: 3e-3, Patience: 5, MaxFrames: 100),
    };

    /// <summary>An SVG polyline's points: at least one "x,y" pair.</summary>
    [GeneratedRegex(@"\d+(\.\d+)?,\d+(\.\d+)?")]
    private static partial Regex PointList();
}
