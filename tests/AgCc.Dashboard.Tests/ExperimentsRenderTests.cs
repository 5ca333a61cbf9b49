using System.Net;
using System.Text.RegularExpressions;
using AgCc.Core.Experiments.Analysis;
using AgCc.Core.Experiments.Results;
using AgCc.Dashboard.Components.Experiments;
using AgCc.Dashboard.Experiments;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AgCc.Dashboard.Tests;

/// <summary>
/// The Experiments components rendered to HTML as prerendering does (no bUnit: the framework's
/// <see cref="HtmlRenderer"/>), read back through their data-testid attributes.
/// </summary>
[Trait("Category", "Unit")]
public partial class ExperimentsRenderTests
{
    private static Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent =>
        Prerender.HtmlAsync<TComponent>("/experiments/paper-grid", parameters: parameters);

    /// <summary>The text of each element with data-testid="<paramref name="testId"/>" (tags stripped, entities decoded), keyed by its other data attributes.</summary>
    private static List<(Dictionary<string, string> Data, string Text)> Elements(string html, string testId)
    {
        var found = new List<(Dictionary<string, string>, string)>();
        foreach (Match m in OpeningTag().Matches(html))
        {
            var attributes = Attribute().Matches(m.Groups["attrs"].Value).ToDictionary(a => a.Groups["name"].Value, a => WebUtility.HtmlDecode(a.Groups["value"].Value));
            if (attributes.GetValueOrDefault("data-testid") != testId) continue;
            var tag = m.Groups["tag"].Value;
            var close = html.IndexOf($"</{tag}>", m.Index + m.Length, StringComparison.Ordinal);
            var inner = html[(m.Index + m.Length)..close];
            var text = WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(inner, "<[^>]+>", ""), @"<!--.*?-->", "")).Trim();
            found.Add((attributes, text));
        }
        return found;
    }

    [GeneratedRegex("""<(?<tag>[a-z0-9]+)(?<attrs>\s[^>]*)>""")]
    private static partial Regex OpeningTag();

    [GeneratedRegex("""(?<name>[a-z-]+)="(?<value>[^"]*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Attribute();

    private static ExperimentTable Table() => ExperimentAggregation.Table("paper-grid", ExperimentsResultsViewTests.Outcomes());

    [Fact]
    public async Task The_results_table_renders_every_cell_as_the_markdown_export_writes_it()
    {
        var table = Table();
        var paper = ResultsView.Paper(table);
        var html = await RenderAsync<ExperimentResultsTable>(new() { [nameof(ExperimentResultsTable.Table)] = paper });

        var cells = Elements(html, "results-cell");
        Assert.Equal(16, cells.Count);
        var markdown = ExperimentTableFormats.Markdown(ExperimentTableFormats.ReadJson(ExperimentTableFormats.Json(table)));
        foreach (var method in paper.Rows)
        {
            var row = paper.Columns.Select(c => cells.Single(x =>
                x.Data["data-method"] == method.MethodKey && x.Data["data-task"] == c.Task && x.Data["data-direction"] == c.Direction)).ToArray();
            Assert.All(row, x => Assert.Equal(x.Data["data-text"], x.Text));
            Assert.Contains($"| {method.MethodText} | {string.Join(" | ", row.Select(x => x.Text))} |", markdown);
        }
        Assert.Contains(cells, c => c.Text.EndsWith("†‡", StringComparison.Ordinal));
        Assert.Contains(cells, c => c.Text.EndsWith(" (2/3)", StringComparison.Ordinal));
        Assert.Equal(paper.Columns.Select(c => c.Direction), Elements(html, "results-column").Select(c => c.Data["data-direction"]));
    }

    [Fact]
    public async Task A_detail_table_renders_its_rows()
    {
        var detail = ResultsView.Details(Table()).Last();
        var html = await RenderAsync<ExperimentDetailTable>(new() { [nameof(ExperimentDetailTable.Detail)] = detail });
        var cells = Elements(html, "detail-cell");
        Assert.Equal(4 * (8 + 3), cells.Count);
        var laCc = detail.Rows.Single(r => r.MethodKey == "la-cc");
        Assert.Equal("2/3 (1 failed)", cells.Single(c => c.Data["data-method"] == "la-cc" && c.Data["data-column"] == "seeds").Text);
        Assert.Equal(laCc.PBaseline, cells.Single(c => c.Data["data-method"] == "la-cc" && c.Data["data-column"] == "p-baseline").Text);
        Assert.Equal(laCc.Recall[2], cells.Single(c => c.Data["data-method"] == "la-cc" && c.Data["data-column"] == "recall-positive").Text);
    }

    [Fact]
    public async Task The_run_grid_links_each_seed_to_its_run()
    {
        var outcomes = ExperimentsResultsViewTests.Outcomes((cell, seed) => seed switch { 1 => ExperimentRunOutcome.Completed, 2 => "training", _ => ExperimentRunOutcome.Pending });
        var html = await RenderAsync<ExperimentRunGrid>(new() { [nameof(ExperimentRunGrid.Runs)] = outcomes });
        var chips = Elements(html, "run-chip");
        Assert.Equal(48, chips.Count);
        Assert.Equal(16, Elements(html, "run-grid-row").Count);
        Assert.All(chips.Where(c => c.Data["data-state"] == "training"), c => Assert.EndsWith("7/20", c.Text));
        Assert.All(chips.Where(c => c.Data["data-seed"] == "1"), c => Assert.Matches(@"^s1 · \d+\.\d$", c.Text));
        var run = outcomes[0].RunId;
        Assert.Contains($"href=\"{ExperimentLinks.Run(run)}\"", html);
        Assert.Equal([("pending", "pending 16"), ("training", "training 16"), ("completed", "completed 16")],
            Elements(html, "run-state-count").Select(c => (c.Data["data-state"], c.Text)));
    }

    [Fact]
    public async Task A_failed_run_gives_its_reason()
    {
        var html = await RenderAsync<ExperimentRunGrid>(new() { [nameof(ExperimentRunGrid.Runs)] = ExperimentsResultsViewTests.Outcomes() });
        var failed = Elements(html, "run-chip").Single(c => c.Data["data-state"] == ExperimentRunOutcome.Failed);
        Assert.Equal("s3 · failed", failed.Text);
        Assert.Equal("seed 3: failed — CUDA out of memory", failed.Data["title"]);
        Assert.Equal([("completed", "completed 47"), ("failed", "failed 1")], Elements(html, "run-state-count").Select(c => (c.Data["data-state"], c.Text)));
    }

    [Fact]
    public async Task The_anchor_card_renders_both_tables_and_the_means()
    {
        var agreement = new AnchorAgreement("valence", ["neg", "pos"], ["a", "b"],
            [new AnchorDistribution("0", [[5, 5], [6, 4]], true, 0.0213)],
            [new AnchorDistribution("AA", [[5, 5], [9, 1]], true, 0.2), new AnchorDistribution("B", [[1, 0], [0, 1]], false, null)],
            0.0213, 0.2, 32);
        var html = await RenderAsync<AnchorAgreementCard>(new() { [nameof(AnchorAgreementCard.Agreement)] = agreement });
        Assert.Equal("0.021", Elements(html, "mean-cluster-divergence").Single().Text);
        Assert.Equal("0.200", Elements(html, "mean-phone-divergence").Single().Text);
        Assert.Equal(["clusters", "phones"], Elements(html, "anchor-table").Select(t => t.Data["data-kind"]));
        Assert.Equal(["0", "AA", "B"], Elements(html, "anchor").Select(a => a.Text));
        Assert.Equal(["0.021", "0.200", "—"], Elements(html, "anchor-divergence").Select(a => a.Text));
    }


}
