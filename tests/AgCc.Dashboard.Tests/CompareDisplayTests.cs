using AgCc.Dashboard.Compare;
using AgCc.Dashboard.Gestures;
using AgCc.Dashboard.Runs;
using AgCc.Grains.Training;

namespace AgCc.Dashboard.Tests;

/// <summary>The compare page's pure helpers: config flattening and difference rows, the selection in the address, per-run series on one chart.</summary>
[Trait("Category", "Unit")]
public class CompareDisplayTests
{
    internal const string ConfigA = """
        {
          "id": "a",
          "method": "ag-cc",
          "task": "4class",
          "source": { "name": "crema" },
          "target": { "name": "msp" },
          "seed": 0,
          "training": { "epochs": 12 },
          "model": { "hidden": [64, 32] }
        }
        """;

    internal const string ConfigB = """
        {
          "id": "b",
          "method": "baseline",
          "task": "4class",
          "source": { "name": "crema" },
          "target": { "name": "msp" },
          "seed": 0,
          "training": { "epochs": 30 },
          "model": { "hidden": [64] }
        }
        """;

    internal static EpochMetricsRecord Epoch(int epoch, double loss, double dev, double? target = null) =>
        new(epoch, 10, loss, loss, 0, 0, 0, dev, target, target, target, 1.5);

    internal static TrainingRunStatus Status(string id, string config, TrainingRunState state, int epochs, double? target = 0.4) =>
        new(id, state, config, null, epochs, epochs,
            [.. Enumerable.Range(1, epochs).Select(e => Epoch(e, 2.0 / e, 0.3 + e * 0.01, target is null ? null : target + e * 0.001))],
            null, "silo", "cpu", 0, null, null, null);

    [Fact]
    public void Flattening_gives_dotted_paths_with_indices_in_document_order()
    {
        var entries = ConfigFlattening.Flatten("""
            { "training": { "epochs": 12, "lr": 1e-3, "amp": true }, "gestures": { "clusters": 8, "corpora": [] },
              "model": { "hidden": [256, 128], "extra": {} }, "name": "x", "note": null, "tags": [{ "k": "v" }] }
            """);
        Assert.Equal(
            [
                new("training.epochs", "12"), new("training.lr", "1e-3"), new("training.amp", "true"),
                new("gestures.clusters", "8"), new("gestures.corpora", "[]"),
                new("model.hidden[0]", "256"), new("model.hidden[1]", "128"), new("model.extra", "{}"),
                new("name", "x"), new("note", "null"), new("tags[0].k", "v"),
            ],
            entries);
    }

    [Fact]
    public void Difference_rows_mark_paths_whose_values_differ_or_are_missing_and_ignore_unknown_runs()
    {
        var rows = ConfigDifferences.Rows([ConfigFlattening.Flatten(ConfigA), null, ConfigFlattening.Flatten(ConfigB)]);
        var byPath = rows.ToDictionary(r => r.Path);

        Assert.Equal(["id", "method", "task", "source.name", "target.name", "seed", "training.epochs", "model.hidden[0]", "model.hidden[1]"], rows.Select(r => r.Path));
        Assert.True(byPath["method"].Differs);
        Assert.Equal(["ag-cc", null, "baseline"], byPath["method"].Values);
        Assert.True(byPath["training.epochs"].Differs);
        Assert.True(byPath["model.hidden[1]"].Differs); // only a has it
        Assert.Equal(["32", null, null], byPath["model.hidden[1]"].Values);
        Assert.False(byPath["task"].Differs); // the unknown run's null column counts for nothing
        Assert.False(byPath["model.hidden[0]"].Differs);

        var visible = ConfigDifferences.Visible(rows, onlyDifferences: true);
        Assert.Equal(["id", "method", "training.epochs", "model.hidden[1]"], visible.Select(r => r.Path));
        Assert.Same(rows, ConfigDifferences.Visible(rows, onlyDifferences: false));

        // One config, or none: nothing differs.
        Assert.All(ConfigDifferences.Rows([ConfigFlattening.Flatten(ConfigA), null]), r => Assert.False(r.Differs));
        Assert.Empty(ConfigDifferences.Rows([null, null]));
    }

    [Fact]
    public void Compared_configs_are_normalised_so_defaults_show_and_compare()
    {
        var runs = CompareDisplay.Runs(["a", "b"], new Dictionary<string, TrainingRunStatus>
        {
            ["a"] = Status("a", ConfigA, TrainingRunState.Completed, 3),
            ["b"] = Status("b", ConfigB, TrainingRunState.Training, 2),
        });
        var rows = CompareDisplay.ConfigRows(runs);
        // Settings neither document names (the learning rate, say) come from the records' defaults, equal in both.
        Assert.Contains(rows, r => r.Path.StartsWith("training.", StringComparison.Ordinal) && r.Path != "training.epochs" && !r.Differs);
        Assert.True(rows.Single(r => r.Path == "training.epochs").Differs);
        Assert.Equal(["12", "30"], rows.Single(r => r.Path == "training.epochs").Values);
    }

    [Fact]
    public void The_selection_in_the_address_is_ordered_distinct_and_bounded()
    {
        Assert.Equal(["a", "b", "c"], CompareSelection.Parse(" a, b,,a ,c"));
        Assert.Empty(CompareSelection.Parse(null));
        Assert.Empty(CompareSelection.Parse(" , "));
        Assert.Equal(CompareSelection.MaxRuns, CompareSelection.Parse(string.Join(",", Enumerable.Range(0, 30))).Count);

        IReadOnlyList<string> selected = ["a", "b"];
        Assert.Equal(["a", "b", "c"], CompareSelection.Add(selected, " c "));
        Assert.Same(selected, CompareSelection.Add(selected, "a"));
        Assert.Same(selected, CompareSelection.Add(selected, ""));
        Assert.Same(selected, CompareSelection.Add(selected, "x,y"));
        Assert.Equal(["b"], CompareSelection.Remove(selected, "a"));

        Assert.Equal("/compare?runs=a,b", CompareSelection.Url(selected));
        Assert.Equal("/compare", CompareSelection.Url([]));
        Assert.Equal(["a b", "c"], CompareSelection.Parse(Uri.UnescapeDataString(new Uri("http://x" + CompareSelection.Url(["a b", "c"])).Query["?runs=".Length..])));
    }

    [Fact]
    public void Several_runs_lie_on_one_chart_with_a_colour_each_and_shared_axes()
    {
        var statuses = new Dictionary<string, TrainingRunStatus>
        {
            ["short"] = Status("short", ConfigA, TrainingRunState.Training, 5),
            ["long"] = Status("long", ConfigB, TrainingRunState.Completed, 500, target: null),
        };
        var runs = CompareDisplay.Runs(["short", "gone", "long"], statuses);
        Assert.Equal([RunCurves.SeriesColor(0), RunCurves.SeriesColor(1), RunCurves.SeriesColor(2)], runs.Select(r => r.Color));
        Assert.Equal(RunCurves.Palette.Distinct().Count(), RunCurves.Palette.Count);
        Assert.Equal(RunCurves.SeriesColor(0), RunCurves.SeriesColor(RunCurves.Palette.Count));

        var loss = RunCurves.Layout(CompareDisplay.Loss(runs));
        Assert.Equal(["short", "long"], loss.Series.Select(s => s.Name)); // the run not read yet has no series
        Assert.Equal([RunCurves.SeriesColor(0), RunCurves.SeriesColor(2)], loss.Series.Select(s => s.Color));
        Assert.Equal((1, 500), (loss.FirstEpoch, loss.LastEpoch));
        Assert.Equal(5, loss.Series[0].Markers.Count);
        Assert.Equal(RunCurves.MaxPoints, loss.Series[1].Markers.Count); // thinned per series
        Assert.Equal(CurveLayout.Width - CurveLayout.Right, loss.Series[1].Markers[^1].X, 6);
        Assert.True(loss.Series[0].Markers[^1].X < CurveLayout.Left + CurveLayout.PlotWidth * 0.02, "5 epochs of 500 sit at the left");
        Assert.True(loss.Low <= 2.0 / 500 && loss.High >= 2.0, "one value axis for both runs");

        var target = CompareDisplay.TargetUar(runs);
        Assert.Equal(["short", "long"], target.Select(s => s.Name));
        Assert.Empty(target[1].Points); // the long run evaluates no target per epoch
        var chart = RunCurves.Layout(target);
        Assert.Equal("", chart.Series[1].Points);
        Assert.False(chart.IsEmpty);
    }

    [Fact]
    public void Results_take_the_best_epoch_from_the_result_or_the_best_development_so_far()
    {
        var training = Status("a", ConfigA, TrainingRunState.Training, 4) with
        {
            History = [Epoch(1, 1, 0.3), Epoch(2, 1, 0.5), Epoch(3, 1, 0.5), Epoch(4, 1, 0.4)],
        };
        Assert.Equal(2, CompareDisplay.BestEpoch(training));
        Assert.Null(CompareDisplay.BestEpoch(training with { History = [] }));

        var unknown = CompareDisplay.Runs(["nope"], new Dictionary<string, TrainingRunStatus>
        {
            ["nope"] = new("nope", TrainingRunState.Queued, null, null, 0, 0, [], null, null, null, 0, null, null, null),
        })[0];
        Assert.True(unknown.IsUnknown);
        Assert.Equal("There is no run 'nope'.", unknown.Problem);
        Assert.Null(unknown.ConfigDocument);
        Assert.False(CompareDisplay.AnyActive([unknown]));
        Assert.True(CompareDisplay.AnyActive(CompareDisplay.Runs(["a"], new Dictionary<string, TrainingRunStatus> { ["a"] = training })));
    }
}
