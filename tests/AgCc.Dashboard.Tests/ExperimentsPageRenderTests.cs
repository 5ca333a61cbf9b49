using System.Net;
using AgCc.Client;
using AgCc.Core.Experiments.Analysis;
using AgCc.Core.Experiments.Results;
using AgCc.Dashboard.Experiments;
using AgCc.Grains.Catalogs;
using AgCc.Grains.Experiments;
using Microsoft.AspNetCore.Components;

namespace AgCc.Dashboard.Tests;

/// <summary>
/// The Experiments pages prerendered (as a plain GET gets them) over a stand-in cluster: the list,
/// an experiment's results table with its numbers, and the alert for a name never started.
/// </summary>
[Trait("Category", "Unit")]
public class ExperimentsPageRenderTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static ExperimentStatus Paper() => new("paper-grid", ExperimentStage.Completed, "{}", null, null,
        ExperimentsResultsViewTests.Outcomes(), "paper-grid-gestures", Start, Start.AddHours(3));

    private static ExperimentStatus Live() => new("live-grid", ExperimentStage.Running, "{}", "launching runs", null,
        ExperimentsResultsViewTests.Outcomes((cell, seed) => seed == 1 ? ExperimentRunOutcome.Completed : "training"), "live-gestures", Start.AddHours(4), null);

    private static readonly AnchorAgreement Agreement = new("valence", ["neg", "pos"], ["crema", "ravdess"],
        [new AnchorDistribution("0", [[5, 5], [6, 4]], true, 0.0213)],
        [new AnchorDistribution("AA", [[5, 5], [9, 1]], true, 0.2)],
        0.0213, 0.2, 30);

    private static async Task<string> RenderAsync<TComponent>(IReadOnlyDictionary<string, ExperimentStatus> experiments, Dictionary<string, object?>? parameters = null)
        where TComponent : IComponent =>
        WebUtility.HtmlDecode(await Prerender.HtmlAsync<TComponent>("/experiments",
            services => services.AddFakeCluster(new FakeCluster().WithExperiments(experiments, Agreement)), parameters));

    [Fact]
    public async Task The_list_links_every_experiment_active_first()
    {
        var html = await RenderAsync<Components.Pages.Experiments>(new Dictionary<string, ExperimentStatus> { ["paper-grid"] = Paper(), ["live-grid"] = Live() });
        var live = html.IndexOf("href=\"/experiments/live-grid\"", StringComparison.Ordinal);
        var paper = html.IndexOf("href=\"/experiments/paper-grid\"", StringComparison.Ordinal);
        Assert.True(live >= 0 && paper > live, "the active experiment comes first");
        Assert.Contains(">16 / 48</span>", html);
        Assert.Contains(">48 / 48</span>", html);
        Assert.Contains("data-stage=\"running\"", html);
        Assert.Contains("launching runs", html);
        Assert.DoesNotContain("data-testid=\"no-experiments\"", html);
    }

    [Fact]
    public async Task An_empty_list_says_how_to_start_one()
    {
        var html = await RenderAsync<Components.Pages.Experiments>(new Dictionary<string, ExperimentStatus>());
        Assert.Contains("data-testid=\"no-experiments\"", html);
        Assert.Contains("./agcc experiment start --config experiment.json", html);
        Assert.Contains("./agcc demo", html);
    }

    [Fact]
    public async Task An_experiment_page_is_prerendered_with_its_results_runs_and_analysis()
    {
        var status = Paper();
        var html = await RenderAsync<Components.Pages.ExperimentPage>(new Dictionary<string, ExperimentStatus> { [status.Name] = status },
            new() { [nameof(Components.Pages.ExperimentPage.Name)] = status.Name });

        var paper = ResultsView.Paper(AgCcClient.Results(status));
        foreach (var cell in paper.Rows.SelectMany(r => r.Cells))
        {
            Assert.Contains($"data-method=\"{cell.MethodKey}\" data-task=\"{cell.Column.Task}\" data-direction=\"{cell.Column.Direction}\" data-text=\"{cell.Text}\"", html);
        }
        Assert.Contains("data-final=\"true\"", html);
        Assert.Contains(">final</span>", html);
        Assert.Equal(4, Count(html, "data-testid=\"results-detail\""));
        Assert.Equal(48, Count(html, "data-testid=\"run-chip\""));
        Assert.Contains("href=\"/gestures/paper-grid-gestures\"", html);
        Assert.Contains(">48 / 48 runs ended<", html);
        Assert.Contains("data-testid=\"mean-cluster-divergence\">0.021<", html);
        Assert.Contains("data-testid=\"mean-phone-divergence\">0.200<", html);
        Assert.DoesNotContain("data-testid=\"experiment-problem\"", html);
    }

    [Fact]
    public async Task A_running_experiments_table_is_partial()
    {
        var status = Live();
        var html = await RenderAsync<Components.Pages.ExperimentPage>(new Dictionary<string, ExperimentStatus> { [status.Name] = status },
            new() { [nameof(Components.Pages.ExperimentPage.Name)] = status.Name });
        Assert.Contains("data-final=\"false\"", html);
        Assert.Contains(">partial: 16 of 48 runs</span>", html);
        Assert.Contains(" (1/3)", html);
        Assert.Contains(">s2 · 7/20<", html);
    }

    [Fact]
    public async Task An_unknown_name_says_there_is_no_such_experiment()
    {
        var html = await RenderAsync<Components.Pages.ExperimentPage>(new Dictionary<string, ExperimentStatus>(), new() { [nameof(Components.Pages.ExperimentPage.Name)] = "nope" });
        Assert.Contains("data-testid=\"experiment-problem\"", html);
        Assert.Contains("There is no experiment named 'nope'", html);
        Assert.DoesNotContain("data-testid=\"results-table\"", html);
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
