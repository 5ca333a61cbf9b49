using AgCc.Core.Experiments;
using AgCc.Core.Experiments.Analysis;
using AgCc.Core.Experiments.Results;
using AgCc.Core.Training.Config;
using AgCc.Dashboard.Experiments;
using AgCc.Dashboard.Gestures;
using AgCc.Grains.Experiments;
using MudBlazor;

namespace AgCc.Dashboard.Tests;

[Trait("Category", "Unit")]
public class ExperimentsDisplayTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static readonly ExperimentCell Cell = new("valence", "crema", "ravdess", TrainingMethod.AgCc);

    private static ExperimentRunOutcome Run(string state, long seed = 1, ExperimentCell? cell = null, int epoch = 0, int epochs = 20, double? uar = null, string? failure = null) =>
        new(cell ?? Cell, seed, $"run-{seed}", state, epoch, epochs,
            uar is { } u ? new RunScores(u, u + 0.01, u - 0.01, ["neg", "pos"], [u, u]) : null, failure);

    private static ExperimentStatus Status(ExperimentStage stage, IReadOnlyList<ExperimentRunOutcome>? runs = null, string name = "e", DateTimeOffset? started = null) =>
        new(name, stage, "{}", null, null, runs ?? [], null, started ?? Start, null);

    [Fact]
    public void Stages_have_words_and_colours()
    {
        Assert.Equal("preparing", ExperimentDisplay.StageText(ExperimentStage.Preparing));
        Assert.Equal("running", ExperimentDisplay.StageText(ExperimentStage.Running));
        Assert.Equal("cancelled", ExperimentDisplay.StageText(ExperimentStage.Cancelled));
        Assert.Equal(Color.Info, ExperimentDisplay.StageColor(ExperimentStage.Running));
        Assert.Equal(Color.Success, ExperimentDisplay.StageColor(ExperimentStage.Completed));
        Assert.Equal(Color.Error, ExperimentDisplay.StageColor(ExperimentStage.Failed));
        Assert.Equal(Color.Warning, ExperimentDisplay.StageColor(ExperimentStage.Cancelled));
    }

    [Fact]
    public void The_list_polls_fast_only_while_an_experiment_is_active()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), ExperimentDisplay.ListPollActive);
        Assert.Equal(TimeSpan.FromSeconds(10), ExperimentDisplay.PollIdle);
        using var poller = new GesturePoller(ExperimentDisplay.ListPollActive, ExperimentDisplay.PollIdle);
        Assert.Equal(TimeSpan.FromSeconds(2), poller.Interval(true));
        Assert.Equal(TimeSpan.FromSeconds(10), poller.Interval(false));
    }

    [Fact]
    public void Progress_counts_the_runs_that_ended()
    {
        var status = Status(ExperimentStage.Running,
        [
            Run(ExperimentRunOutcome.Completed, 1, uar: 0.5), Run(ExperimentRunOutcome.Failed, 2), Run(ExperimentRunOutcome.Cancelled, 3),
            Run("training", 4), Run(ExperimentRunOutcome.Pending, 5), Run(ExperimentRunOutcome.Completed, 6, uar: 0.6),
        ]);
        Assert.Equal("4 / 6", ExperimentDisplay.ProgressText(status));
        Assert.Equal(100.0 * 4 / 6, ExperimentDisplay.ProgressPercent(status), 9);
        Assert.Equal(2, ExperimentDisplay.Count(status, ExperimentRunOutcome.Completed));
        Assert.Equal(1, ExperimentDisplay.Count(status, ExperimentRunOutcome.Failed));
        Assert.Equal(1, ExperimentDisplay.Count(status, ExperimentRunOutcome.Cancelled));
        Assert.Equal("0 / 0", ExperimentDisplay.ProgressText(Status(ExperimentStage.Preparing)));
        Assert.Equal(0, ExperimentDisplay.ProgressPercent(Status(ExperimentStage.Preparing)));
    }

    [Fact]
    public void A_name_never_started_is_unknown()
    {
        Assert.True(ExperimentDisplay.IsUnknown(new ExperimentStatus("nope", ExperimentStage.Preparing, null, null, null, [], null, null, null)));
        Assert.False(ExperimentDisplay.IsUnknown(Status(ExperimentStage.Completed)));
    }

    [Fact]
    public void The_list_shows_active_experiments_first_then_the_latest()
    {
        var ordered = ExperimentDisplay.Ordered(
        [
            Status(ExperimentStage.Completed, name: "old", started: Start),
            Status(ExperimentStage.Failed, name: "new", started: Start.AddHours(2)),
            Status(ExperimentStage.Running, name: "live", started: Start.AddHours(-5)),
            Status(ExperimentStage.Completed, name: "also-old", started: Start),
        ]);
        Assert.Equal(["live", "new", "also-old", "old"], ordered.Select(s => s.Name));
    }

    [Fact]
    public void Elapsed_time_runs_to_now_only_while_active()
    {
        var running = Status(ExperimentStage.Running);
        Assert.Equal("2 min 5 s", ExperimentDisplay.Elapsed(running, Start.AddSeconds(125)));
        Assert.Equal("1 h 30 min", ExperimentDisplay.Elapsed(running with { Stage = ExperimentStage.Completed, FinishedAt = Start.AddMinutes(90) }, Start.AddDays(1)));
        Assert.Equal("0.0 s", ExperimentDisplay.Elapsed(running with { Stage = ExperimentStage.Failed }, Start.AddDays(1)));
        Assert.Null(ExperimentDisplay.Elapsed(running with { StartedAt = null }, Start));
    }

    [Fact]
    public void A_run_chip_shows_the_epoch_while_training_and_the_uar_once_completed()
    {
        Assert.Equal("3/20", ExperimentDisplay.RunChipText(Run("training", epoch: 3)));
        Assert.Equal("training", ExperimentDisplay.RunChipText(Run("training", epochs: 0)));
        Assert.Equal("61.2", ExperimentDisplay.RunChipText(Run(ExperimentRunOutcome.Completed, uar: 0.6123)));
        Assert.Equal(ExperimentTableFormats.MeanStd(new MeanStd(61.23, null, 1)), ExperimentDisplay.RunChipText(Run(ExperimentRunOutcome.Completed, uar: 0.6123)));
        Assert.Equal("queued", ExperimentDisplay.RunChipText(Run("queued")));
        Assert.Equal("failed", ExperimentDisplay.RunChipText(Run(ExperimentRunOutcome.Failed, failure: "boom")));
        Assert.Equal("pending", ExperimentDisplay.RunChipText(Run(ExperimentRunOutcome.Pending)));
    }

    [Fact]
    public void A_run_tooltip_gives_the_failure_reason()
    {
        Assert.Equal("seed 7: failed — CUDA out of memory", ExperimentDisplay.RunTooltip(Run(ExperimentRunOutcome.Failed, 7, failure: "CUDA out of memory")));
        Assert.Equal("seed 1: training, epoch 3 of 20", ExperimentDisplay.RunTooltip(Run("training", epoch: 3)));
        Assert.Equal("seed 2: completed, UAR 50.0, WA 51.0, macro-F1 49.0", ExperimentDisplay.RunTooltip(Run(ExperimentRunOutcome.Completed, 2, uar: 0.5)));
    }

    [Fact]
    public void Run_states_have_distinct_colours()
    {
        var colours = ExperimentDisplay.RunStates.Select(ExperimentDisplay.RunStateColor).ToArray();
        Assert.Equal(8, colours.Length);
        Assert.Equal(colours.Length, colours.Distinct().Count());
        Assert.Equal(Color.Success, ExperimentDisplay.RunStateColor(ExperimentRunOutcome.Completed));
        Assert.Equal(Color.Error, ExperimentDisplay.RunStateColor(ExperimentRunOutcome.Failed));
        Assert.Equal(Color.Default, ExperimentDisplay.RunStateColor("something new"));
        Assert.Equal(Variant.Outlined, ExperimentDisplay.RunStateVariant(ExperimentRunOutcome.Pending));
        Assert.Equal(Variant.Filled, ExperimentDisplay.RunStateVariant("training"));
    }

    [Fact]
    public void Links_escape_their_segments()
    {
        Assert.Equal("/experiments", ExperimentLinks.List);
        Assert.Equal("/experiments/paper%20grid", ExperimentLinks.Experiment("paper grid"));
        Assert.Equal("/runs/ag-cc-valence-a-to-b-s1-0123abcd", ExperimentLinks.Run("ag-cc-valence-a-to-b-s1-0123abcd"));
        Assert.Equal("/runs/a%2Fb", ExperimentLinks.Run("a/b"));
    }

    [Fact]
    public void The_run_grid_has_a_row_per_cell_in_the_results_order_with_seeds_ascending()
    {
        var outcomes = ExperimentsResultsViewTests.Outcomes();
        // The grid lists runs seed first; reverse it to show the rows do not depend on that.
        var rows = RunGrid.Rows(outcomes.Reverse().ToArray());
        var table = ExperimentAggregation.Table("grid", outcomes);
        Assert.Equal(16, rows.Count);
        Assert.Equal(["arousal", "valence"], rows.Select(r => r.Cell.Task).Distinct());
        Assert.Equal(["baseline", "pa-cc", "la-cc", "ag-cc"], rows.Take(4).Select(r => r.MethodKey));
        Assert.Single(rows.Take(4).Select(r => r.Direction).Distinct());
        Assert.All(rows, r => Assert.Equal([1L, 2L, 3L], r.Runs.Select(x => x.Seed)));
        Assert.Equal(table.Rows.Select(r => r.Cell), RunGrid.Rows(outcomes).Select(r => r.Cell));
        var failed = rows.Single(r => r.Runs.Any(x => x.State == ExperimentRunOutcome.Failed));
        Assert.Equal(("arousal", "ravdess-to-crema", "la-cc", "LA-CC", 3), (failed.Cell.Task, failed.Direction, failed.MethodKey, failed.MethodText, failed.Ended));
        Assert.Equal("ravdess → crema", failed.DirectionText);
    }

    [Fact]
    public void State_counts_follow_the_run_states_order()
    {
        var counts = RunGrid.StateCounts(
        [
            Run(ExperimentRunOutcome.Completed), Run("training"), Run(ExperimentRunOutcome.Pending), Run("training"), Run("mystery"),
        ]);
        Assert.Equal([("pending", 1), ("training", 2), ("completed", 1), ("mystery", 1)], counts);
    }

    [Fact]
    public void Anchor_rows_sum_segments_per_corpus_and_show_divergence_only_where_common()
    {
        var clusters = new[]
        {
            new AnchorDistribution("0", [[3, 2, 1], [5, 5, 0]], true, 0.12345),
            new AnchorDistribution("1", [[1, 0, 0], [7, 0, 2]], false, null),
        };
        var rows = AnchorDisplay.Rows(clusters, 2);
        Assert.Equal(("0", 16, true, "0.123"), (rows[0].Anchor, rows[0].Segments, rows[0].Common, rows[0].Divergence));
        Assert.Equal([6, 10], rows[0].ByCorpus);
        Assert.Equal([1, 9], rows[1].ByCorpus);
        Assert.Equal(10, rows[1].Segments);
        Assert.Equal("—", rows[1].Divergence);
    }

    [Fact]
    public void The_anchor_summary_says_which_anchors_the_corpora_agree_on_more()
    {
        var clusters = new[] { new AnchorDistribution("0", [[5, 5], [6, 4]], true, 0.02) };
        var phones = new[] { new AnchorDistribution("AA", [[5, 5], [9, 1]], true, 0.2), new AnchorDistribution("B", [[1, 0], [0, 1]], false, null) };
        var agreement = new AnchorAgreement("valence", ["neg", "pos"], ["a", "b"], clusters, phones, 0.02, 0.2, 32);
        Assert.Equal("clusters", AnchorDisplay.Lower(agreement));
        var summary = AnchorDisplay.Summary(agreement);
        Assert.Contains("AG clusters 0.020 (1 of 1 common)", summary);
        Assert.Contains("phones 0.200 (1 of 2 common)", summary);
        Assert.EndsWith("The corpora agree more on the AG clusters.", summary);
        Assert.Equal("phones", AnchorDisplay.Lower(agreement with { MeanClusterDivergence = 0.5 }));
        Assert.Null(AnchorDisplay.Lower(agreement with { MeanClusterDivergence = null }));
        Assert.Null(AnchorDisplay.Lower(agreement with { MeanClusterDivergence = 0.2001 }));
        Assert.Contains("AG clusters — (1 of 1 common)", AnchorDisplay.Summary(agreement with { MeanClusterDivergence = null }));
    }

    [Fact]
    public void Long_text_is_shortened()
    {
        Assert.Equal("short", ExperimentDisplay.Shorten("short"));
        var shortened = ExperimentDisplay.Shorten(new string('x', 100));
        Assert.Equal(80, shortened.Length);
        Assert.EndsWith("…", shortened);
    }
}
