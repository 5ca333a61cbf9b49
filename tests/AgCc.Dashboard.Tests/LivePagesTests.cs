using AgCc.Core.Experiments.Results;
using AgCc.Grains.Experiments;
using AgCc.Grains.Training;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace AgCc.Dashboard.Tests;

/// <summary>
/// The pages that hear pushes (bUnit, interactive): the experiment page subscribes to its
/// experiment, redraws the grid from a pushed status and unsubscribes when it
/// goes; the Runs list subscribes to the run index and asks for its page again when a row changes.
/// </summary>
[Trait("Category", "Unit")]
public sealed class LivePagesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static BunitContext Context(FakeCluster cluster)
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.Services.AddFakeCluster(cluster);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        context.Render<MudPopoverProvider>();
        return context;
    }

    private static ExperimentStatus Grid(string state) => new("live-grid", ExperimentStage.Running, "{}", null, null,
        ExperimentsResultsViewTests.Outcomes((_, _) => state), null, DateTimeOffset.UnixEpoch, null);

    [Fact]
    public async Task The_experiment_page_redraws_its_grid_from_pushes_and_unsubscribes_when_it_goes()
    {
        var cluster = new FakeCluster().WithExperiments(new Dictionary<string, ExperimentStatus> { ["live-grid"] = Grid("training") });
        await using var context = Context(cluster);
        var page = context.Render<Components.Pages.ExperimentPage>(p => p.Add(x => x.Name, "live-grid"));
        page.WaitForAssertion(() => Assert.Equal(48, page.FindAll("[data-testid=run-chip][data-state=training]").Count), Timeout);

        var watcher = Assert.Single(cluster.Watchers<IExperimentGrain, IExperimentWatcher>("live-grid"));
        var completed = Grid(ExperimentRunOutcome.Completed) with { Stage = ExperimentStage.Completed };
        watcher.ExperimentChanged(completed, sequence: 2);
        page.WaitForAssertion(() => Assert.Equal(48, page.FindAll("[data-testid=run-chip][data-state=completed]").Count), Timeout);
        Assert.Contains(">48 / 48 runs ended<", page.Markup);

        page.Instance.Dispose();
        Assert.Empty(cluster.Watchers<IExperimentGrain, IExperimentWatcher>("live-grid"));
    }

    [Fact]
    public async Task The_runs_list_asks_for_its_page_again_when_the_index_pushes_a_change()
    {
        var first = Summary("run-a");
        var index = new List<RunSummary> { first };
        var queries = 0;
        var cluster = new FakeCluster().On<IRunIndexGrain, RunPage>(nameof(IRunIndexGrain.Query), (_, args) =>
        {
            Interlocked.Increment(ref queries);
            lock (index) return RunIndexQuery.Run([.. index], (RunQuery)args[0]!, DateTimeOffset.UtcNow);
        });
        await using var context = Context(cluster);
        var page = context.Render<Components.Pages.Runs>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=run-link]")), Timeout);
        Assert.Contains("the run index pushes each change", page.Find("[data-testid=runs-refresh]").TextContent);

        var watcher = Assert.Single(cluster.Watchers<IRunIndexGrain, IRunIndexWatcher>(RunIndexKeys.All));
        var second = Summary("run-b");
        lock (index) index.Add(second);
        watcher.RunsChanged(second, sequence: 1);

        page.WaitForAssertion(() => Assert.Equal(["run-a", "run-b"], page.FindAll("[data-testid=run-link]").Select(a => a.GetAttribute("data-run")).Order()), Timeout);
        Assert.True(Volatile.Read(ref queries) >= 2);

        page.Instance.Dispose();
        Assert.Empty(cluster.Watchers<IRunIndexGrain, IRunIndexWatcher>(RunIndexKeys.All));
    }

    private static RunSummary Summary(string id) => new(id, TrainingRunState.Training, "baseline", "4class", "crema", "msp", [], 1, 5, 0.4, null,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null);
}
