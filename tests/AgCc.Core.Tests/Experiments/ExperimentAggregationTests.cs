using AgCc.Core.Experiments;
using AgCc.Core.Experiments.Results;
using AgCc.Core.Statistics;
using AgCc.Core.Training.Config;

namespace AgCc.Core.Tests.Experiments;

[Trait("Category", Categories.Unit)]
public sealed class ExperimentAggregationTests
{
    private static readonly string[] FourClasses = ["neutral", "anger", "happiness", "sadness"];

    private static ExperimentCell Cell(TrainingMethod method, string task = "4class", string source = "crema-d", string target = "msp-improv") =>
        new(task, source, target, method);

    private static ExperimentRunOutcome Done(ExperimentCell cell, long seed, double uar, double wa = 0.5, double f1 = 0.5, double[]? recall = null) =>
        new(cell, seed, $"{cell.Method.ToName()}-{cell.Task}-s{seed}", ExperimentRunOutcome.Completed, 10, 10,
            new RunScores(uar, wa, f1, FourClasses, recall ?? [uar, uar, uar, uar]), null);

    private static ExperimentRunOutcome InState(ExperimentCell cell, long seed, string state, RunScores? scores = null) =>
        new(cell, seed, $"{cell.Method.ToName()}-{cell.Task}-s{seed}", state, 3, 10, scores, state == ExperimentRunOutcome.Failed ? "out of memory" : null);

    private static ExperimentTableRow RowOf(ExperimentTable table, ExperimentCell cell) => Assert.Single(table.Rows, r => r.Cell == cell);

    [Fact]
    public void A_cell_is_the_mean_and_sample_std_of_its_completed_seeds_in_percent()
    {
        var cell = Cell(TrainingMethod.Baseline);
        var table = ExperimentAggregation.Table("pilot",
        [
            Done(cell, 0, uar: 0.50, wa: 0.40, f1: 0.30),
            Done(cell, 1, uar: 0.60, wa: 0.42, f1: 0.30),
            Done(cell, 2, uar: 0.70, wa: 0.44, f1: 0.36),
        ]);

        var row = Assert.Single(table.Rows);
        Assert.Equal("pilot", table.Experiment);
        Assert.Equal((3, 3, 0), (row.Seeds, row.Completed, row.Failed));
        // UAR 50, 60, 70: mean 60, deviations −10, 0, 10 → s = √(200 / 2) = 10.
        Assert.Equal(60, row.Uar!.Mean, 9);
        Assert.Equal(10, row.Uar.Std!.Value, 9);
        Assert.Equal(3, row.Uar.N);
        // WA 40, 42, 44: mean 42, s = √(8 / 2) = 2.
        Assert.Equal(42, row.WeightedAccuracy!.Mean, 9);
        Assert.Equal(2, row.WeightedAccuracy.Std!.Value, 9);
        // F1 30, 30, 36: mean 32, deviations −2, −2, 4 → s = √(24 / 2) = √12.
        Assert.Equal(32, row.MacroF1!.Mean, 9);
        Assert.Equal(Math.Sqrt(12), row.MacroF1.Std!.Value, 9);
        Assert.Equal([0L, 1L, 2L], row.UarBySeed.Select(s => s.Seed));
        Assert.Equal([50.0, 60.0, 70.0], row.UarBySeed.Select(s => s.Value), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.True(table.IsFinal);
    }

    [Fact]
    public void One_completed_seed_has_no_std()
    {
        var cell = Cell(TrainingMethod.AgCc);
        var row = Assert.Single(ExperimentAggregation.Table("pilot", [Done(cell, 3, uar: 0.25), InState(cell, 4, "training")]).Rows);

        Assert.Equal(25, row.Uar!.Mean, 9);
        Assert.Null(row.Uar.Std);
        Assert.Equal(1, row.Uar.N);
        Assert.Equal((2, 1), (row.Seeds, row.Completed));
    }

    [Fact]
    public void A_cell_with_no_completed_run_has_no_scores()
    {
        var cell = Cell(TrainingMethod.LaCc);
        var row = Assert.Single(ExperimentAggregation.Table("pilot", [InState(cell, 0, ExperimentRunOutcome.Pending), InState(cell, 1, "queued")]).Rows);

        Assert.Null(row.Uar);
        Assert.Null(row.WeightedAccuracy);
        Assert.Null(row.MacroF1);
        Assert.Empty(row.Classes);
        Assert.Empty(row.PerClassRecall);
        Assert.Empty(row.UarBySeed);
        Assert.Equal((2, 0, 0), (row.Seeds, row.Completed, row.Failed));
    }

    [Fact]
    public void Failed_and_cancelled_runs_are_counted_but_never_averaged_and_unfinished_runs_neither()
    {
        var cell = Cell(TrainingMethod.Baseline);
        // Scores on runs that did not complete must not reach the means.
        var stray = new RunScores(0.99, 0.99, 0.99, FourClasses, [0.99, 0.99, 0.99, 0.99]);
        var table = ExperimentAggregation.Table("pilot",
        [
            Done(cell, 0, uar: 0.50),
            Done(cell, 1, uar: 0.70),
            InState(cell, 2, ExperimentRunOutcome.Failed, stray),
            InState(cell, 3, ExperimentRunOutcome.Cancelled, stray),
            InState(cell, 4, "training", stray),
            InState(cell, 5, ExperimentRunOutcome.Pending),
        ]);

        var row = Assert.Single(table.Rows);
        Assert.Equal((6, 2, 2), (row.Seeds, row.Completed, row.Failed));
        Assert.Equal(60, row.Uar!.Mean, 9);
        Assert.Equal(Math.Sqrt(200), row.Uar.Std!.Value, 9); // 50, 70: s = √((100 + 100) / 1)
        Assert.Equal(2, row.Uar.N);
        Assert.Equal([0L, 1L], row.UarBySeed.Select(s => s.Seed));
        Assert.All(row.PerClassRecall, r => Assert.Equal(60, r, 9));
        Assert.Equal((6, 2, 1, 1), (table.Runs, table.Completed, table.Failed, table.Cancelled));
        Assert.False(table.IsFinal);
    }

    [Fact]
    public void The_table_is_final_only_when_every_run_has_ended()
    {
        var cell = Cell(TrainingMethod.Baseline);
        ExperimentRunOutcome[] ended = [Done(cell, 0, 0.5), InState(cell, 1, ExperimentRunOutcome.Failed), InState(cell, 2, ExperimentRunOutcome.Cancelled)];

        Assert.True(ExperimentAggregation.Table("pilot", ended).IsFinal);
        foreach (var state in new[] { ExperimentRunOutcome.Pending, "queued", "preparing", "training", "evaluating" })
        {
            Assert.False(ExperimentAggregation.Table("pilot", [.. ended, InState(cell, 3, state)]).IsFinal);
            Assert.False(InState(cell, 3, state).HasEnded);
        }
        Assert.All(ended, o => Assert.True(o.HasEnded));
    }

    [Fact]
    public void Per_class_recall_is_the_mean_over_completed_seeds_in_percent()
    {
        var cell = Cell(TrainingMethod.PaCc);
        var row = Assert.Single(ExperimentAggregation.Table("pilot",
        [
            Done(cell, 0, uar: 0.5, recall: [0.2, 0.4, 0.6, 0.8]),
            Done(cell, 1, uar: 0.5, recall: [0.4, 0.4, 0.8, 1.0]),
            InState(cell, 2, ExperimentRunOutcome.Failed, new RunScores(0, 0, 0, FourClasses, [0, 0, 0, 0])),
        ]).Rows);

        Assert.Equal(FourClasses, row.Classes);
        Assert.Equal([30.0, 40.0, 70.0, 90.0], row.PerClassRecall, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void Comparisons_pair_runs_by_seed_and_drop_unpaired_seeds()
    {
        var baseline = Cell(TrainingMethod.Baseline);
        var paCc = Cell(TrainingMethod.PaCc);
        var agCc = Cell(TrainingMethod.AgCc);
        var table = ExperimentAggregation.Table("pilot",
        [
            // Baseline: seeds 0–3 (seed 4 failed).
            Done(baseline, 0, 0.60), Done(baseline, 1, 0.50), Done(baseline, 2, 0.52), Done(baseline, 3, 0.54),
            InState(baseline, 4, ExperimentRunOutcome.Failed),
            // PA-CC: all five seeds at 50.
            Done(paCc, 0, 0.50), Done(paCc, 1, 0.50), Done(paCc, 2, 0.50), Done(paCc, 3, 0.50), Done(paCc, 4, 0.50),
            // AG-CC: seed 0 still training, seeds 1–4 completed (seed 4 far off: it has no baseline to pair with).
            InState(agCc, 0, "training"),
            Done(agCc, 1, 0.55), Done(agCc, 2, 0.56), Done(agCc, 3, 0.60), Done(agCc, 4, 0.90),
        ]);

        // AG-CC vs baseline: seeds 1, 2, 3 → differences 5, 4, 6 points.
        var versusBaseline = RowOf(table, agCc).VersusBaseline!;
        Assert.Equal(TrainingMethod.Baseline, versusBaseline.Against);
        Assert.Equal(3, versusBaseline.Pairs);
        Assert.Equal(5, versusBaseline.Difference, 9);
        // t = 5 / (1 / √3) = √75 on 2 degrees of freedom, where P(|T| > t) = 1 − t / √(t² + 2) = 1 − √(75/77).
        Assert.Equal(1 - Math.Sqrt(75.0 / 77.0), versusBaseline.TTestP!.Value, 6);
        Assert.Equal(PairedTests.TTest([55.0, 56.0, 60.0], [50.0, 52.0, 54.0]).PValue, versusBaseline.TTestP.Value, 9);
        // Wilcoxon, 3 positive differences: r+ = 6, the largest of 2³ equally likely sums → p = 2 · 1/8.
        Assert.Equal(0.25, versusBaseline.WilcoxonP!.Value, 9);
        Assert.Equal(PairedTests.Wilcoxon([55.0, 56.0, 60.0], [50.0, 52.0, 54.0]).PValue, versusBaseline.WilcoxonP.Value, 9);

        // AG-CC vs PA-CC: seeds 1–4 → differences 5, 6, 10, 40.
        var versusPaCc = RowOf(table, agCc).VersusPaCc!;
        Assert.Equal(TrainingMethod.PaCc, versusPaCc.Against);
        Assert.Equal(4, versusPaCc.Pairs);
        Assert.Equal(15.25, versusPaCc.Difference, 9);
        Assert.Equal(PairedTests.TTest([55.0, 56.0, 60.0, 90.0], [50.0, 50.0, 50.0, 50.0]).PValue, versusPaCc.TTestP!.Value, 9);
        Assert.Equal(PairedTests.Wilcoxon([55.0, 56.0, 60.0, 90.0], [50.0, 50.0, 50.0, 50.0]).PValue, versusPaCc.WilcoxonP!.Value, 9);

        // Baseline vs PA-CC: seeds 0–3 → differences 10, 0, 2, 4; baseline vs itself: none.
        var baselineRow = RowOf(table, baseline);
        Assert.Null(baselineRow.VersusBaseline);
        Assert.Equal(4, baselineRow.VersusPaCc!.Pairs);
        Assert.Equal(4, baselineRow.VersusPaCc.Difference, 9);
        Assert.Equal(PairedTests.TTest([60.0, 50.0, 52.0, 54.0], [50.0, 50.0, 50.0, 50.0]).PValue, baselineRow.VersusPaCc.TTestP!.Value, 9);

        // PA-CC vs baseline is the mirror; PA-CC vs itself: none.
        var paCcRow = RowOf(table, paCc);
        Assert.Null(paCcRow.VersusPaCc);
        Assert.Equal(4, paCcRow.VersusBaseline!.Pairs);
        Assert.Equal(-4, paCcRow.VersusBaseline.Difference, 9);
        Assert.Equal(baselineRow.VersusPaCc.TTestP!.Value, paCcRow.VersusBaseline.TTestP!.Value, 12);
    }

    [Fact]
    public void Comparisons_compare_within_the_same_task_and_direction_only()
    {
        var table = ExperimentAggregation.Table("pilot",
        [
            Done(Cell(TrainingMethod.Baseline, "arousal"), 0, 0.5), Done(Cell(TrainingMethod.Baseline, "arousal"), 1, 0.5),
            Done(Cell(TrainingMethod.Baseline, "4class", "msp-improv", "crema-d"), 0, 0.5), Done(Cell(TrainingMethod.Baseline, "4class", "msp-improv", "crema-d"), 1, 0.5),
            Done(Cell(TrainingMethod.AgCc), 0, 0.75), Done(Cell(TrainingMethod.AgCc), 1, 0.5),
        ]);

        // No baseline for 4class crema-d → msp-improv, and no PA-CC anywhere.
        Assert.Null(RowOf(table, Cell(TrainingMethod.AgCc)).VersusBaseline);
        Assert.Null(RowOf(table, Cell(TrainingMethod.AgCc)).VersusPaCc);
    }

    [Fact]
    public void Undefined_tests_give_null_p_values()
    {
        var baseline = Cell(TrainingMethod.Baseline);
        var laCc = Cell(TrainingMethod.LaCc);
        var agCc = Cell(TrainingMethod.AgCc);
        var table = ExperimentAggregation.Table("pilot",
        [
            Done(baseline, 0, 0.50), Done(baseline, 1, 0.25),
            // One pair: a difference, but no test.
            Done(laCc, 0, 0.75), InState(laCc, 1, ExperimentRunOutcome.Failed),
            // Two pairs with the same difference (25 points, exact in binary): no variance for t.
            Done(agCc, 0, 0.75), Done(agCc, 1, 0.50),
        ]);

        var one = RowOf(table, laCc).VersusBaseline!;
        Assert.Equal(1, one.Pairs);
        Assert.Equal(25, one.Difference, 9);
        Assert.Null(one.TTestP);
        Assert.Null(one.WilcoxonP);

        var constant = RowOf(table, agCc).VersusBaseline!;
        Assert.Equal(2, constant.Pairs);
        Assert.Equal(25, constant.Difference, 12);
        Assert.Null(constant.TTestP);
        // Wilcoxon is defined here: 2 positive differences, r+ = 3 of 4 equally likely sums → p = 2 · 1/4.
        Assert.Equal(0.5, constant.WilcoxonP!.Value, 9);
    }

    [Fact]
    public void A_comparison_needs_a_completed_reference_seed()
    {
        var table = ExperimentAggregation.Table("pilot",
        [
            InState(Cell(TrainingMethod.Baseline), 0, ExperimentRunOutcome.Failed), InState(Cell(TrainingMethod.Baseline), 1, ExperimentRunOutcome.Pending),
            Done(Cell(TrainingMethod.AgCc), 0, 0.6), Done(Cell(TrainingMethod.AgCc), 1, 0.7),
        ]);

        Assert.Null(RowOf(table, Cell(TrainingMethod.AgCc)).VersusBaseline);
    }

    [Fact]
    public void Rows_follow_the_grid_tasks_then_directions_then_methods()
    {
        // Tasks and directions deliberately not in alphabetical order.
        var config = new ExperimentConfig
        {
            Name = "pilot",
            Corpora = [new CorpusReference("crema-d"), new CorpusReference("msp-improv")],
            Directions = [new ExperimentDirection("msp-improv", "crema-d"), new ExperimentDirection("crema-d", "msp-improv")],
            Tasks = ["valence", "4class"],
            Seeds = [0, 1],
        };
        var outcomes = config.Runs()
            .Select(r => new ExperimentRunOutcome(r.Cell, r.Seed, r.RunId, ExperimentRunOutcome.Pending, 0, 70, null, null))
            .ToList();

        var table = ExperimentAggregation.Table("pilot", outcomes);

        var expected = new List<ExperimentCell>();
        foreach (var task in new[] { "valence", "4class" })
            foreach (var (source, target) in new[] { ("msp-improv", "crema-d"), ("crema-d", "msp-improv") })
                foreach (var method in new[] { TrainingMethod.Baseline, TrainingMethod.PaCc, TrainingMethod.LaCc, TrainingMethod.AgCc })
                    expected.Add(new ExperimentCell(task, source, target, method));
        Assert.Equal(expected, table.Rows.Select(r => r.Cell));
        Assert.All(table.Rows, r => Assert.Equal((2, 0), (r.Seeds, r.Completed)));
        Assert.Equal((16 * 2, 0), (table.Runs, table.Completed));
        Assert.False(table.IsFinal);
    }

    [Fact]
    public void An_empty_grid_is_an_empty_final_table()
    {
        var table = ExperimentAggregation.Table("pilot", []);

        Assert.Empty(table.Rows);
        Assert.Equal((0, 0, 0, 0), (table.Runs, table.Completed, table.Failed, table.Cancelled));
        Assert.True(table.IsFinal);
    }
}
