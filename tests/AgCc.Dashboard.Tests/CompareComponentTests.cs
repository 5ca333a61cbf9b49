using AgCc.Client;
using AgCc.Dashboard.Compare;
using AgCc.Dashboard.Components.Compare;
using AgCc.Grains.Training;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using static AgCc.Dashboard.Tests.CompareDisplayTests;

namespace AgCc.Dashboard.Tests;

/// <summary>
/// The compare page and its components in bUnit: picking and removing runs (the picker and the
/// address), the overlaid curves with a legend, an unknown id's column, the results, and the
/// "only differences" switch of the config table.
/// </summary>
[Trait("Category", "Unit")]
public class CompareComponentTests
{
    /// <summary>A bUnit context with MudBlazor's services (disposed asynchronously, as MudBlazor's services ask), and the cluster given.</summary>
    private static BunitContext Context(Dictionary<string, TrainingRunStatus>? statuses = null)
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        statuses ??= [];
        context.Services.AddFakeCluster(new FakeCluster().WithRuns(statuses));
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        context.Render<MudPopoverProvider>();
        return context;
    }

    private static Dictionary<string, TrainingRunStatus> Statuses() => new()
    {
        ["a"] = Status("a", ConfigA, TrainingRunState.Completed, 6) with
        {
            Result = new TrainingRunResult(0.4567, 0.5, 0.44, ["ang", "hap"], [0.5, 0.4], [[1, 1], [1, 1]], 4, 5, 6,
                Core.Training.Results.StopReason.MaxEpochs, 0.51, 1, "cpu", "m", "x"),
        },
        ["b"] = Status("b", ConfigB, TrainingRunState.Training, 3),
        ["c"] = Status("c", ConfigB.Replace("\"id\": \"b\"", "\"id\": \"c\"").Replace("\"seed\": 0", "\"seed\": 1"), TrainingRunState.Completed, 4),
    };

    [Fact]
    public async Task Picking_a_run_adds_it_and_closing_its_chip_removes_it()
    {
        await using var context = Context();
        IReadOnlyList<string>? changed = null;
        var cut = context.Render<RunPicker>(p => p
            .Add(x => x.Selected, (IReadOnlyList<string>)["a", "b"])
            .Add(x => x.SelectedChanged, (IReadOnlyList<string> ids) => changed = ids)
            .Add(x => x.Search, (_, _) => Task.FromResult<IEnumerable<string>>(["a", "b", "c", "d"])));

        Assert.Equal(["a", "b"], cut.FindAll("[data-testid=compare-chip]").Select(c => c.GetAttribute("data-run")));

        var search = cut.FindComponent<MudAutocomplete<string>>();
        Assert.Equal(["c", "d"], await search.Instance.SearchFunc!("", CancellationToken.None)!); // picked runs are not offered again
        await cut.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync("c"));
        Assert.Equal(["a", "b", "c"], changed);

        changed = null;
        await cut.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync("a")); // already there
        Assert.Null(changed);

        cut.Find("[data-testid=compare-chip][data-run=a] .mud-chip-close-button").Click();
        Assert.Equal(["b"], changed);
    }

    [Fact]
    public async Task The_differences_switch_hides_equal_rows()
    {
        await using var context = Context();
        var runs = CompareDisplay.Runs(["a", "nope", "b"], new Dictionary<string, TrainingRunStatus>(Statuses())
        {
            ["nope"] = new("nope", TrainingRunState.Queued, null, null, 0, 0, [], null, null, null, 0, null, null, null),
        });
        var cut = context.Render<ConfigDiffTable>(p => p.Add(x => x.Runs, runs));

        var all = cut.FindAll("[data-testid=config-row]");
        Assert.Contains(all, r => r.GetAttribute("data-differs") == "false");
        var differing = all.Count(r => r.GetAttribute("data-differs") == "true");
        Assert.InRange(differing, 3, all.Count - 1);
        Assert.Contains(all, r => r.GetAttribute("data-path") == "training.epochs" && r.GetAttribute("data-differs") == "true");
        Assert.Contains(all, r => r.GetAttribute("data-path") == "task" && r.GetAttribute("data-differs") == "false");
        Assert.Contains("There is no run 'nope'.", cut.Find("[data-testid=unknown-run][data-run=nope]").TextContent);
        Assert.Equal("—", cut.Find("[data-testid=config-cell][data-run=nope][data-path=task]").TextContent.Trim());
        Assert.Equal("30", cut.Find("[data-testid=config-cell][data-run=b][data-path='training.epochs']").TextContent.Trim());

        cut.Find("input[data-testid=only-differences]").Change(true);
        var shown = cut.FindAll("[data-testid=config-row]");
        Assert.Equal(differing, shown.Count);
        Assert.All(shown, r => Assert.Equal("true", r.GetAttribute("data-differs")));
        Assert.DoesNotContain(shown, r => r.GetAttribute("data-path") == "task");

        cut.Find("input[data-testid=only-differences]").Change(false);
        Assert.Equal(all.Count, cut.FindAll("[data-testid=config-row]").Count);
    }

    [Fact]
    public async Task The_page_overlays_the_runs_curves_shows_an_unknown_id_and_keeps_the_selection_in_the_address()
    {
        await using var context = Context(Statuses());
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/compare?runs=a,nope,b");

        var cut = context.Render<Components.Pages.Compare>(); // the query string supplies the runs

        Assert.Equal("a,nope,b", cut.Find("[data-testid=compare-page]").GetAttribute("data-runs"));
        Assert.Equal("true", cut.Find("[data-testid=compare-page]").GetAttribute("data-active")); // b trains
        foreach (var chart in (string[])["compare-loss", "compare-dev-uar", "compare-target-uar"])
        {
            var lines = cut.FindAll($"[data-testid={chart}] polyline");
            Assert.Equal(["a", "b"], lines.Select(l => l.GetAttribute("data-series")));
            Assert.Equal(["6", "3"], lines.Select(l => l.GetAttribute("data-count")));
            Assert.Equal(["a", "b"], cut.FindAll($"[data-testid={chart}] [data-testid=legend-item]").Select(l => l.GetAttribute("data-series")));
            Assert.NotEqual(lines[0].GetAttribute("stroke"), lines[1].GetAttribute("stroke"));
        }
        Assert.Contains("There is no run 'nope'.", cut.Find("[data-testid=compare-results] [data-testid=unknown-run][data-run=nope]").TextContent);
        Assert.Equal("45.7", cut.Find("[data-testid=result-cell][data-run=a][data-column=target-uar]").TextContent.Trim());
        Assert.Equal("50.0", cut.Find("[data-testid=result-cell][data-run=a][data-column=target-wa]").TextContent.Trim());
        Assert.Equal("44.0", cut.Find("[data-testid=result-cell][data-run=a][data-column=target-macro-f1]").TextContent.Trim());
        Assert.Equal("5", cut.Find("[data-testid=result-cell][data-run=a][data-column=best-epoch]").TextContent.Trim());
        Assert.Equal("3", cut.Find("[data-testid=result-cell][data-run=b][data-column=best-epoch]").TextContent.Trim()); // best dev so far
        Assert.Equal("—", cut.Find("[data-testid=result-cell][data-run=b][data-column=target-uar]").TextContent.Trim());
        Assert.Equal("training", cut.Find("[data-testid=result-cell][data-run=b][data-column=state] [data-testid=run-state]").GetAttribute("data-state"));

        // Removing the unknown id: the address and the columns follow.
        cut.Find("[data-testid=compare-chip][data-run=nope] .mud-chip-close-button").Click();
        Assert.EndsWith("/compare?runs=a,b", navigation.Uri);
        Assert.Equal(["a", "b"], cut.FindAll("[data-testid=compare-chip]").Select(c => c.GetAttribute("data-run")));
        Assert.Empty(cut.FindAll("[data-testid=unknown-run]"));

        // Picking one from the index: searched there, added last, in the address, and read.
        var search = cut.FindComponent<MudAutocomplete<string>>();
        Assert.Equal(["c"], await search.Instance.SearchFunc!("", CancellationToken.None)!);
        await cut.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync("c"));
        Assert.EndsWith("/compare?runs=a,b,c", navigation.Uri);
        cut.WaitForAssertion(() =>
            Assert.Equal(["a", "b", "c"], cut.FindAll("[data-testid=compare-loss] polyline").Select(l => l.GetAttribute("data-series"))));
        Assert.Contains(cut.FindAll("[data-testid=config-row][data-differs=true]"), r => r.GetAttribute("data-path") == "seed");
    }

    [Fact]
    public async Task With_no_run_picked_the_page_says_how_to_pick()
    {
        await using var context = Context();
        var cut = context.Render<Components.Pages.Compare>();
        Assert.NotNull(cut.Find("[data-testid=compare-empty]"));
        Assert.NotNull(cut.Find("[data-testid=run-picker]"));
        Assert.Empty(cut.FindAll("[data-testid=compare-page]"));
    }
}
