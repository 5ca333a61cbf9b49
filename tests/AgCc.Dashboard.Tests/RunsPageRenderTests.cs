using System.Net;
using AgCc.Client;
using AgCc.Core.Training.Results;
using AgCc.Grains.Training;
using Microsoft.AspNetCore.Components;

namespace AgCc.Dashboard.Tests;

/// <summary>
/// The Runs pages prerendered (as a plain GET gets them) over a stand-in cluster: a run's page with
/// its header, curves, confusion heat map and download links; a running run's Cancel button; a failed
/// one's Resume button and failure; an unknown id; the list's grid, filters and Compare button.
/// </summary>
[Trait("Category", "Unit")]
public class RunsPageRenderTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private const string Config = """
        {
          "id": "ag-cc-4class-crema-to-msp-s3",
          "method": "ag-cc",
          "task": "4class",
          "source": { "name": "crema" },
          "target": { "name": "msp" },
          "seed": 3,
          "tags": ["paper"],
          "training": { "epochs": 12 }
        }
        """;

    private static TrainingRunStatus Completed()
    {
        var history = Enumerable.Range(1, 12).Select(e => new EpochMetricsRecord(e, 20, 1.5 - e * 0.05, 1.4, 0.1, 5, 3, 0.4 + e * 0.01, 0.3 + e * 0.005, 0.3, 0.3, 2)).ToArray();
        var result = new TrainingRunResult(0.4567, 0.5, 0.44, ["ang", "hap", "neu", "sad"], [0.5, 0.25, 0.75, 1.0],
            [[2, 1, 1, 0], [1, 1, 1, 1], [0, 1, 3, 0], [0, 0, 0, 4]], 16, 9, 12, StopReason.MaxEpochs, 0.51, 2, "cpu",
            "runs/x/best-model.bin", "runs/x/metrics.json");
        return new TrainingRunStatus("ag-cc-4class-crema-to-msp-s3", TrainingRunState.Completed, Config, null, 12, 12, history, result,
            "silo-gpu-1", "cuda:0", 1, Start, Start.AddSeconds(5), Start.AddMinutes(3).AddSeconds(10), ["edited", "paper"]);
    }

    private static async Task<string> RenderAsync<TComponent>(FakeCluster cluster, Dictionary<string, object?>? parameters = null)
        where TComponent : IComponent =>
        WebUtility.HtmlDecode(await Prerender.HtmlAsync<TComponent>("/runs", services => services.AddFakeCluster(cluster), parameters));

    private static Task<string> RenderRunAsync(TrainingRunStatus? status, string id) =>
        RenderAsync<Components.Pages.RunPage>(new FakeCluster().WithRuns(status is null ? [] : new Dictionary<string, TrainingRunStatus> { [status.Id] = status }),
            new() { [nameof(Components.Pages.RunPage.Id)] = id });

    [Fact]
    public async Task A_completed_runs_page_has_its_header_curves_confusion_and_downloads()
    {
        var status = Completed();
        var html = await RenderRunAsync(status, status.Id);

        Assert.Contains("data-testid=\"run-status\" data-state=\"completed\"", html);
        Assert.Contains("data-testid=\"method\">ag-cc<", html);
        Assert.Contains("data-testid=\"direction\">crema → msp<", html);
        Assert.Contains("data-testid=\"task\">4class<", html);
        Assert.Contains("data-testid=\"seed\">3<", html);
        Assert.Contains("data-testid=\"epoch\">12 / 12<", html);
        Assert.Contains("data-testid=\"silo\">silo-gpu-1 / cuda:0<", html);
        Assert.Contains("data-testid=\"resumes\">1<", html);
        Assert.Contains("data-testid=\"duration\">3:05<", html);
        Assert.Contains(">edited</span>", html);
        Assert.Equal(2, Count(html, "data-testid=\"run-tag\""));

        Assert.Contains("data-series=\"loss\" data-count=\"12\"", html);
        Assert.Contains("data-series=\"source dev UAR\" data-count=\"12\"", html);
        Assert.Contains("data-series=\"target UAR\" data-count=\"12\"", html);

        Assert.Equal(16, Count(html, "data-testid=\"confusion-cell\""));
        Assert.Contains("data-true=\"neu\" data-predicted=\"neu\" data-count=\"3\"", html);
        Assert.Contains("data-testid=\"recall\" data-class=\"sad\">100.0<", html);
        Assert.Contains("UAR 45.7%", html);

        Assert.Contains("href=\"/runs/ag-cc-4class-crema-to-msp-s3/checkpoint\"", html);
        Assert.Contains("href=\"/runs/ag-cc-4class-crema-to-msp-s3/best-model\"", html);
        Assert.Contains("\"target\": { \"name\": \"msp\" }", html);
        Assert.DoesNotContain("data-testid=\"cancel\"", html);
        Assert.DoesNotContain("data-testid=\"resume\"", html);
    }

    [Fact]
    public async Task A_training_run_can_be_cancelled_and_a_failed_one_resumed()
    {
        var training = Completed() with { State = TrainingRunState.Training, Result = null, FinishedAt = null, Epoch = 3 };
        training = training with { History = [.. training.History.Take(3)] };
        var html = await RenderRunAsync(training, training.Id);
        Assert.Contains("data-testid=\"cancel\"", html);
        Assert.DoesNotContain("data-testid=\"resume\"", html);
        Assert.Contains("data-testid=\"checkpoint-link\"", html);
        Assert.DoesNotContain("data-testid=\"best-model-link\"", html);
        Assert.DoesNotContain("data-testid=\"confusion\"", html);
        Assert.Contains("data-series=\"loss\" data-count=\"3\"", html);
        Assert.Contains("the run pushes each epoch (at most 4 redraws a second)", html);

        var failed = training with { State = TrainingRunState.Failed, Failure = "preparing: corpus 'msp' is not ingested" };
        html = await RenderRunAsync(failed, failed.Id);
        Assert.Contains("data-testid=\"resume\"", html);
        Assert.Contains("data-testid=\"failure\"", html);
        Assert.Contains(">preparing: corpus 'msp' is not ingested<", html);
        Assert.DoesNotContain("data-testid=\"cancel\"", html);
    }

    [Fact]
    public async Task An_unknown_run_says_so()
    {
        var html = await RenderRunAsync(null, "nope");
        Assert.Contains("data-testid=\"run-problem\"", html);
        Assert.Contains("There is no run 'nope'", html);
        Assert.DoesNotContain("data-testid=\"curves\"", html);
    }

    [Fact]
    public async Task The_list_has_its_grid_filters_and_a_compare_button_waiting_for_two_runs()
    {
        var summary = RunSummary.From(Completed())!;
        var html = await RenderAsync<Components.Pages.Runs>(new FakeCluster().WithRuns(new Dictionary<string, TrainingRunStatus>(), [summary]));
        Assert.Contains("data-testid=\"runs\"", html);
        Assert.Contains("data-testid=\"run-filters\"", html);
        Assert.Contains("data-testid=\"compare\" data-count=\"0\"", html);
        foreach (var title in (string[])["Run", "State", "Method", "Source → target", "Task", "Tags", "Best dev UAR (%)", "Target UAR (%)", "Duration", "Queued"])
            Assert.Contains(title, html);
        Assert.Contains("./agcc run start --config RUN.json", html);
    }

    [Fact]
    public void A_status_becomes_the_index_row_the_list_shows()
    {
        var summary = RunSummary.From(Completed())!;
        Assert.Equal(("ag-cc", "4class", "crema", "msp"), (summary.Method, summary.Task, summary.Source, summary.Target));
        Assert.Equal(["edited", "paper"], summary.Tags);
        Assert.Equal((12, 0.4567), (summary.Epoch, summary.TargetUar));
        Assert.Equal(0.52, summary.BestDevelopmentUar!.Value, 9);
        Assert.Equal(["paper"], RunSummary.From(Completed() with { Tags = null })!.Tags); // the config's
        Assert.Null(RunSummary.From(new TrainingRunStatus("x", TrainingRunState.Queued, null, null, 0, 0, [], null, null, null, 0, null, null, null)));
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
