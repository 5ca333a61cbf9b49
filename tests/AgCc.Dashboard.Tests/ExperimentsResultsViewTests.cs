using System.Globalization;
using AgCc.Core.Experiments;
using AgCc.Core.Experiments.Results;
using AgCc.Core.Training.Config;
using AgCc.Dashboard.Experiments;

namespace AgCc.Dashboard.Tests;

[Trait("Category", "Unit")]
public class ExperimentsResultsViewTests
{
    private static readonly string[] Tasks = ["valence", "arousal"];
    private static readonly (string Source, string Target)[] Directions = [("crema", "ravdess"), ("ravdess", "crema")];
    private static readonly long[] Seeds = [1, 2, 3];
    private static readonly string[] Classes = ["negative", "neutral", "positive"];

    /// <summary>The cell that failed one seed: LA-CC, arousal, ravdess → crema, seed 3.</summary>
    private static readonly ExperimentCell FailedCell = new("arousal", "ravdess", "crema", TrainingMethod.LaCc);

    /// <summary>
    /// 2 tasks × 2 directions × 4 methods × 3 seeds in the grid's order (seed, task, direction, method).
    /// AG-CC beats PA-CC and baseline by varying margins (so its paired t-tests are significant),
    /// PA-CC beats baseline by a hair, LA-CC is noisy; one LA-CC run failed.
    /// </summary>
    internal static IReadOnlyList<ExperimentRunOutcome> Outcomes(Func<ExperimentCell, long, string>? state = null)
    {
        var outcomes = new List<ExperimentRunOutcome>();
        foreach (var seed in Seeds)
        {
            for (var t = 0; t < Tasks.Length; t++)
            {
                for (var d = 0; d < Directions.Length; d++)
                {
                    foreach (var method in Enum.GetValues<TrainingMethod>())
                    {
                        var cell = new ExperimentCell(Tasks[t], Directions[d].Source, Directions[d].Target, method);
                        var runId = $"{method.ToName()}-{cell.Task}-{cell.Source}-to-{cell.Target}-s{seed}";
                        var runState = state?.Invoke(cell, seed) ?? (cell == FailedCell && seed == 3 ? ExperimentRunOutcome.Failed : ExperimentRunOutcome.Completed);
                        var uar = Uar(method, t, d, seed);
                        var scores = runState == ExperimentRunOutcome.Completed
                            ? new RunScores(uar, uar + 0.0123, uar - 0.0217, Classes, [uar - 0.05 + 0.001 * seed, uar + 0.02, uar + 0.03 - 0.002 * seed])
                            : null;
                        outcomes.Add(new ExperimentRunOutcome(cell, seed, runId, runState, runState == ExperimentRunOutcome.Completed ? 20 : 7, 20, scores,
                            runState == ExperimentRunOutcome.Failed ? "CUDA out of memory" : null));
                    }
                }
            }
        }
        return outcomes;
    }

    private static double Uar(TrainingMethod method, int task, int direction, long seed)
    {
        var baseline = 0.40 + 0.031 * task + 0.017 * direction + 0.0137 * seed;
        return method switch
        {
            TrainingMethod.Baseline => baseline,
            TrainingMethod.PaCc => baseline + 0.004 + 0.0031 * (seed % 2 == 0 ? -1 : 1),
            TrainingMethod.LaCc => baseline + 0.02 * (seed - 2) + 0.0043 * seed * seed,
            TrainingMethod.AgCc => baseline + 0.05 + 0.0071 * seed + 0.0013 * seed * seed,
            _ => baseline,
        };
    }

    private static ExperimentTable Table() => ExperimentAggregation.Table("paper-grid", Outcomes());

    private static ExperimentTable RoundTripped(ExperimentTable table) => ExperimentTableFormats.ReadJson(ExperimentTableFormats.Json(table));

    [Fact]
    public void The_paper_cells_are_the_strings_formatted_from_the_json_table()
    {
        var table = Table();
        var json = RoundTripped(table);
        var paper = ResultsView.Paper(table);

        Assert.Equal(16, table.Rows.Count);
        Assert.Equal((48, 47, 1, 0), (table.Runs, table.Completed, table.Failed, table.Cancelled));
        Assert.Equal(3, paper.Seeds);
        Assert.Equal(
            [("valence", "crema", "ravdess"), ("valence", "ravdess", "crema"), ("arousal", "crema", "ravdess"), ("arousal", "ravdess", "crema")],
            paper.Columns.Select(c => (c.Task, c.Source, c.Target)));
        Assert.Equal(["baseline", "PA-CC", "LA-CC", "AG-CC"], paper.Rows.Select(r => r.MethodText));
        Assert.Equal(["baseline", "pa-cc", "la-cc", "ag-cc"], paper.Rows.Select(r => r.MethodKey));

        foreach (var row in paper.Rows)
        {
            Assert.Equal(ExperimentTableFormats.Display(row.Method), row.MethodText);
            Assert.Equal(4, row.Cells.Count);
            foreach (var cell in row.Cells)
            {
                var expected = json.Rows.Single(r => r.Cell == new ExperimentCell(cell.Column.Task, cell.Column.Source, cell.Column.Target, row.Method));
                Assert.Equal(ExperimentTableFormats.MeanStd(expected.Uar), cell.Score);
                var marks = (expected.VersusBaseline is { TTestP: < 0.05, Difference: > 0 } ? "†" : "") + (expected.VersusPaCc is { TTestP: < 0.05, Difference: > 0 } ? "‡" : "");
                Assert.Equal(marks, cell.Marks);
                Assert.Equal(expected.Completed < expected.Seeds ? $" ({expected.Completed}/{expected.Seeds})" : "", cell.Partial);
                Assert.Equal(cell.Column.Direction, $"{cell.Column.Source}-to-{cell.Column.Target}");
            }
        }

        // The data make the marks and the partial count show where they should.
        var agCc = paper.Rows.Single(r => r.Method == TrainingMethod.AgCc);
        Assert.All(agCc.Cells, c => Assert.Equal("†‡", c.Marks));
        Assert.All(paper.Rows.Single(r => r.Method == TrainingMethod.Baseline).Cells, c => Assert.Equal("", c.Marks));
        var failed = paper.Rows.Single(r => r.Method == TrainingMethod.LaCc).Cells.Single(c => c.Column is { Task: "arousal", Source: "ravdess" });
        Assert.Equal(" (2/3)", failed.Partial);
        Assert.EndsWith(" (2/3)", failed.Text);
        Assert.Single(paper.Rows.SelectMany(r => r.Cells), c => c.Partial.Length > 0);
    }

    [Fact]
    public void The_paper_rows_are_the_markdown_exports_rows()
    {
        var table = Table();
        var markdown = ExperimentTableFormats.Markdown(RoundTripped(table));
        var lines = markdown.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var paper = ResultsView.Paper(table);

        Assert.Contains($"| method | {string.Join(" | ", paper.Columns.Select(c => c.Header))} |", lines);
        foreach (var row in paper.Rows)
            Assert.Contains($"| {row.MethodText} | {string.Join(" | ", row.Cells.Select(c => c.Text))} |", lines);
        Assert.Contains(lines, l => l.Contains("†‡", StringComparison.Ordinal));
    }

    [Fact]
    public void The_detail_rows_are_the_strings_formatted_from_the_json_table()
    {
        var table = Table();
        var json = RoundTripped(table);
        var details = ResultsView.Details(table);

        Assert.Equal(4, details.Count);
        Assert.Equal(ResultsView.Columns(table), details.Select(d => d.Column));
        foreach (var detail in details)
        {
            Assert.Equal(Classes, detail.Classes);
            Assert.Equal(4, detail.Rows.Count);
            foreach (var row in detail.Rows)
            {
                var expected = json.Rows.Single(r => r.Cell == new ExperimentCell(detail.Column.Task, detail.Column.Source, detail.Column.Target, row.Method));
                Assert.Equal(ExperimentTableFormats.Display(expected.Cell.Method), row.MethodText);
                Assert.Equal($"{expected.Completed}/{expected.Seeds}" + (expected.Failed > 0 ? $" ({expected.Failed} failed)" : ""), row.Seeds);
                Assert.Equal(ExperimentTableFormats.MeanStd(expected.Uar), row.Uar);
                Assert.Equal(ExperimentTableFormats.MeanStd(expected.WeightedAccuracy), row.WeightedAccuracy);
                Assert.Equal(ExperimentTableFormats.MeanStd(expected.MacroF1), row.MacroF1);
                Assert.Equal(ExperimentTableFormats.Difference(expected.VersusBaseline), row.DeltaBaseline);
                Assert.Equal(ExperimentTableFormats.PValues(expected.VersusBaseline), row.PBaseline);
                Assert.Equal(ExperimentTableFormats.Difference(expected.VersusPaCc), row.DeltaPaCc);
                Assert.Equal(ExperimentTableFormats.PValues(expected.VersusPaCc), row.PPaCc);
                Assert.Equal(expected.PerClassRecall.Select(r => r.ToString("F1", CultureInfo.InvariantCulture)), row.Recall);
            }
            // Baseline has no comparison with itself; PA-CC none with itself.
            Assert.Equal("–", detail.Rows.Single(r => r.Method == TrainingMethod.Baseline).DeltaBaseline);
            Assert.Equal("–", detail.Rows.Single(r => r.Method == TrainingMethod.PaCc).PPaCc);
        }
        var failed = details.Single(d => d.Column is { Task: "arousal", Source: "ravdess" }).Rows.Single(r => r.Method == TrainingMethod.LaCc);
        Assert.Equal("2/3 (1 failed)", failed.Seeds);
    }

    [Fact]
    public void The_detail_rows_are_the_markdown_exports_rows()
    {
        var table = Table();
        var lines = ExperimentTableFormats.Markdown(RoundTripped(table)).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        foreach (var detail in ResultsView.Details(table))
        {
            Assert.Contains($"#### {detail.Column.Header}", lines);
            foreach (var row in detail.Rows)
            {
                var line = $"| {row.MethodText} | {row.Seeds} | {row.Uar} | {row.WeightedAccuracy} | {row.MacroF1} | {row.DeltaBaseline} | {row.PBaseline} | {row.DeltaPaCc} | {row.PPaCc} |"
                    + string.Concat(row.Recall.Select(r => $" {r} |"));
                Assert.Contains(line, lines);
            }
        }
    }

    [Fact]
    public void A_partial_table_shows_dashes_and_says_how_many_runs_ended()
    {
        // Only seed 1 ended; AG-CC of the valence tasks is still training everywhere.
        var outcomes = Outcomes((cell, seed) =>
            seed > 1 ? "training" : cell is { Task: "valence", Method: TrainingMethod.AgCc } ? "training" : ExperimentRunOutcome.Completed);
        var table = ExperimentAggregation.Table("partial", outcomes);
        Assert.False(table.IsFinal);
        Assert.Equal($"partial: {table.Completed} of 48 runs", ExperimentDisplay.TableStateText(table));
        Assert.Equal("final", ExperimentDisplay.TableStateText(Table()));

        var paper = ResultsView.Paper(table);
        var agCc = paper.Rows.Single(r => r.Method == TrainingMethod.AgCc);
        Assert.All(agCc.Cells.Where(c => c.Column.Task == "valence"), c => Assert.Equal("–", c.Text));
        Assert.All(agCc.Cells.Where(c => c.Column.Task == "arousal"), c => Assert.EndsWith(" (1/3)", c.Text));
        // One seed: no std, no test.
        Assert.All(agCc.Cells.Where(c => c.Column.Task == "arousal"), c => Assert.DoesNotContain("±", c.Score));

        var detail = ResultsView.Details(table).First(d => d.Column.Task == "valence");
        var row = detail.Rows.Single(r => r.Method == TrainingMethod.AgCc);
        Assert.Equal("0/3", row.Seeds);
        Assert.Equal("–", row.Uar);
        Assert.All(row.Recall, r => Assert.Equal("–", r));
        Assert.Equal(3, row.Recall.Count);
    }

    [Fact]
    public void A_cell_the_grid_lacks_reads_a_dash()
    {
        var outcomes = Outcomes().Where(o => !(o.Cell.Method == TrainingMethod.LaCc && o.Cell.Task == "valence")).ToArray();
        var paper = ResultsView.Paper(ExperimentAggregation.Table("no-la-cc-valence", outcomes));
        var laCc = paper.Rows.Single(r => r.Method == TrainingMethod.LaCc);
        Assert.All(laCc.Cells.Where(c => c.Column.Task == "valence"), c => Assert.Equal("–", c.Text));
        Assert.All(laCc.Cells.Where(c => c.Column.Task == "arousal"), c => Assert.NotEqual("–", c.Text));
    }

    [Fact]
    public void An_empty_table_has_no_columns_rows_or_seeds()
    {
        var table = ExperimentAggregation.Table("empty", []);
        var paper = ResultsView.Paper(table);
        Assert.Empty(paper.Columns);
        Assert.Empty(paper.Rows);
        Assert.Equal(0, paper.Seeds);
        Assert.Empty(ResultsView.Details(table));
    }

    [Theory]
    [InlineData(0.01, 2.0, true)]
    [InlineData(0.01, -2.0, false)]
    [InlineData(0.05, 2.0, false)]
    [InlineData(null, 2.0, false)]
    public void Significance_needs_a_small_p_and_a_gain(double? p, double difference, bool significant) =>
        Assert.Equal(significant, ExperimentTableFormats.Significant(new PairedComparison(TrainingMethod.Baseline, 3, difference, p, null)));
}
