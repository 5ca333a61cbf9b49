using System.Text;
using AgCc.Core.Experiments;
using AgCc.Core.Experiments.Results;
using AgCc.Core.Training.Config;

namespace AgCc.Core.Tests.Experiments;

[Trait("Category", Categories.Unit)]
public sealed class ExperimentTableFormatsTests
{
    private static readonly string[] FourClasses = ["neutral", "anger", "happiness", "sadness"];

    private static ExperimentCell Cell(TrainingMethod method, string source = "crema-d", string target = "msp-improv", string task = "4class") =>
        new(task, source, target, method);

    private static ExperimentRunOutcome Done(ExperimentCell cell, long seed, double uar) =>
        new(cell, seed, $"{cell.Method.ToName()}-{cell.Source}-s{seed}", ExperimentRunOutcome.Completed, 10, 10,
            new RunScores(uar, uar - 0.01, uar - 0.02, FourClasses, [uar, uar, uar, uar]), null);

    private static ExperimentRunOutcome InState(ExperimentCell cell, long seed, string state) =>
        new(cell, seed, $"{cell.Method.ToName()}-{cell.Source}-s{seed}", state, 2, 10, null, state == ExperimentRunOutcome.Failed ? "diverged" : null);

    /// <summary>
    /// crema-d → msp-improv: AG-CC steadily ~5 points above baseline and ~10 above PA-CC, PA-CC steadily ~5 below
    /// baseline, LA-CC with 2 of 4 seeds (one training, one failed) and no clear difference;
    /// msp-improv → crema-d: baseline and an AG-CC steadily ~5 points worse.
    /// </summary>
    private static ExperimentTable PaperTable()
    {
        var forward = (Baseline: Cell(TrainingMethod.Baseline), PaCc: Cell(TrainingMethod.PaCc), LaCc: Cell(TrainingMethod.LaCc), AgCc: Cell(TrainingMethod.AgCc));
        var back = (Baseline: Cell(TrainingMethod.Baseline, "msp-improv", "crema-d"), AgCc: Cell(TrainingMethod.AgCc, "msp-improv", "crema-d"));
        return ExperimentAggregation.Table("pilot",
        [
            Done(forward.Baseline, 0, 0.600), Done(forward.Baseline, 1, 0.620), Done(forward.Baseline, 2, 0.580), Done(forward.Baseline, 3, 0.612),
            Done(forward.PaCc, 0, 0.550), Done(forward.PaCc, 1, 0.575), Done(forward.PaCc, 2, 0.530), Done(forward.PaCc, 3, 0.560),
            Done(forward.LaCc, 0, 0.700), Done(forward.LaCc, 1, 0.500), InState(forward.LaCc, 2, "training"), InState(forward.LaCc, 3, ExperimentRunOutcome.Failed),
            Done(forward.AgCc, 0, 0.651), Done(forward.AgCc, 1, 0.670), Done(forward.AgCc, 2, 0.640), Done(forward.AgCc, 3, 0.662),
            Done(back.Baseline, 0, 0.500), Done(back.Baseline, 1, 0.520), Done(back.Baseline, 2, 0.480), Done(back.Baseline, 3, 0.512),
            Done(back.AgCc, 0, 0.450), Done(back.AgCc, 1, 0.475), Done(back.AgCc, 2, 0.430), Done(back.AgCc, 3, 0.460),
        ]);
    }

    private static string[] Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void Markdown_is_the_paper_table_with_methods_down_and_direction_by_task_across()
    {
        var lines = Lines(ExperimentTableFormats.Markdown(PaperTable()));

        Assert.Equal("### pilot: target UAR (%), mean ± std over 4 seeds", lines[0]);
        Assert.Equal("| method | crema-d → msp-improv, 4class | msp-improv → crema-d, 4class |", lines[2]);
        Assert.Equal("|---|---:|---:|", lines[3]);
        // Baseline: 60, 62, 58, 61.2 → 60.3 ± 1.7; better than PA-CC by 5, 4.5, 5, 5.2 → ‡.
        Assert.Equal("| baseline | 60.3 ± 1.7 ‡ | 50.3 ± 1.7 |", lines[4]);
        // PA-CC: 55, 57.5, 53, 56 → 55.375 ± 1.89; steadily worse than baseline: no mark.
        Assert.Equal("| PA-CC | 55.4 ± 1.9 | – |", lines[5]);
        // LA-CC: 70, 50 → 60 ± 14.1 from 2 of 4 seeds; differences +10, −12: not significant.
        Assert.Equal("| LA-CC | 60.0 ± 14.1 (2/4) | – |", lines[6]);
        // AG-CC: 65.1, 67, 64, 66.2 → 65.575 ± 1.31; better than baseline by 5.1, 5, 6, 5 (t ≈ 21.7, 3 df) and than PA-CC by ~10.
        // Backwards: 45, 47.5, 43, 46 → 45.4 ± 1.9, steadily 5 points below baseline: no mark.
        Assert.Equal("| AG-CC | 65.6 ± 1.3 †‡ | 45.4 ± 1.9 |", lines[7]);
        Assert.Contains("22 of 24 runs completed, 1 failed, 0 cancelled.", lines[9]);
    }

    [Fact]
    public void Markdown_details_each_direction_with_counts_differences_and_recalls()
    {
        var text = ExperimentTableFormats.Markdown(PaperTable());

        Assert.Contains("#### crema-d → msp-improv, 4class", text);
        Assert.Contains("#### msp-improv → crema-d, 4class", text);
        Assert.Contains("| recall neutral | recall anger | recall happiness | recall sadness |", text);
        Assert.Contains("| LA-CC | 2/4 (1 failed) | 60.0 ± 14.1 |", text);
        Assert.Contains("| baseline | 4/4 | 60.3 ± 1.7 |", text);
        // AG-CC − baseline backwards: −5, −4.5, −5, −5.2 → −4.925 points.
        var agCcBack = Assert.Single(Lines(text).SkipWhile(l => !l.StartsWith("#### msp-improv", StringComparison.Ordinal)), l => l.StartsWith("| AG-CC |", StringComparison.Ordinal));
        Assert.Contains("| −4.9 |", agCcBack);
        Assert.EndsWith("| 45.4 | 45.4 | 45.4 | 45.4 |", agCcBack);
    }

    [Fact]
    public void Markdown_has_a_column_per_direction_and_task_in_grid_order()
    {
        var config = new ExperimentConfig
        {
            Name = "grid",
            Corpora = [new CorpusReference("crema-d"), new CorpusReference("msp-improv")],
            Methods = [TrainingMethod.Baseline, TrainingMethod.AgCc],
            Tasks = ["arousal", "valence"],
            Seeds = [0],
        };
        var outcomes = config.Runs().Select(r => new ExperimentRunOutcome(r.Cell, r.Seed, r.RunId, ExperimentRunOutcome.Completed, 5, 5,
            new RunScores(0.5, 0.5, 0.5, ["low", "high"], [0.5, 0.5]), null)).ToList();

        var lines = Lines(ExperimentTableFormats.Markdown(ExperimentAggregation.Table("grid", outcomes)));

        Assert.Equal("### grid: target UAR (%), mean ± std over 1 seeds", lines[0]);
        Assert.Equal("| method | crema-d → msp-improv, arousal | msp-improv → crema-d, arousal | crema-d → msp-improv, valence | msp-improv → crema-d, valence |", lines[2]);
        Assert.Equal("| baseline | 50.0 | 50.0 | 50.0 | 50.0 |", lines[4]);
        Assert.Equal("| AG-CC | 50.0 | 50.0 | 50.0 | 50.0 |", lines[5]);
        Assert.Equal("", lines[6]);
    }

    [Fact]
    public void A_cell_without_a_completed_run_is_a_dash()
    {
        var cell = Cell(TrainingMethod.AgCc);
        var lines = Lines(ExperimentTableFormats.Markdown(ExperimentAggregation.Table("pilot", [InState(cell, 0, ExperimentRunOutcome.Pending), InState(cell, 1, "queued")])));

        Assert.Equal("| AG-CC | – |", lines[4]);
    }

    private static ExperimentTable HandTable() => new(
        "pilot",
        [
            new ExperimentTableRow(Cell(TrainingMethod.Baseline, task: "arousal"), 3, 2, 1,
                new MeanStd(62.5, 2.5, 2), new MeanStd(60, 5, 2), new MeanStd(55.5, 0.5, 2),
                ["low, calm", "high"], [50, 75],
                null, new PairedComparison(TrainingMethod.PaCc, 2, -1.5, 0.0625, 0.5),
                [new SeedScore(0, 60), new SeedScore(2, 65)]),
            new ExperimentTableRow(Cell(TrainingMethod.AgCc, task: "arousal"), 3, 1, 0,
                new MeanStd(70.25, null, 1), new MeanStd(68, null, 1), new MeanStd(66, null, 1),
                ["low, calm", "high"], [60, 80.5],
                new PairedComparison(TrainingMethod.Baseline, 1, 7.75, null, null), null,
                [new SeedScore(1, 70.25)]),
        ],
        6, 3, 1, 0);

    /// <summary>A line of RFC 4180 CSV (no line breaks inside fields).</summary>
    private static List<string> CsvFields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    private static List<Dictionary<string, string>> ReadCsv(string csv)
    {
        var lines = Lines(csv).Where(l => l.Length > 0).ToArray();
        var header = CsvFields(lines[0]);
        return [.. lines.Skip(1).Select(l =>
        {
            var fields = CsvFields(l);
            Assert.Equal(header.Count, fields.Count);
            return header.Zip(fields).ToDictionary(p => p.First, p => p.Second);
        })];
    }

    [Fact]
    public void Csv_has_a_header_and_a_row_per_cell()
    {
        var csv = ExperimentTableFormats.Csv(HandTable());
        var header = CsvFields(Lines(csv)[0]);

        Assert.Equal(["task", "source", "target", "method", "seeds", "completed", "failed"], header.Take(7));
        foreach (var column in new[] { "uar_mean", "uar_std", "wa_mean", "macro_f1_std", "vs_baseline_diff", "vs_baseline_t_p", "vs_baseline_wilcoxon_p",
            "vs_pa_cc_diff", "vs_pa_cc_pairs", "vs_pa_cc_t_p", "per_class_recall", "uar_by_seed" })
            Assert.Contains(column, header);
        Assert.Equal(header.Count, header.Distinct().Count());

        var rows = ReadCsv(csv);
        Assert.Equal(2, rows.Count);
        var baseline = rows[0];
        Assert.Equal(("arousal", "crema-d", "msp-improv", "baseline"), (baseline["task"], baseline["source"], baseline["target"], baseline["method"]));
        Assert.Equal(("3", "2", "1"), (baseline["seeds"], baseline["completed"], baseline["failed"]));
        Assert.Equal(("62.5", "2.5", "60", "5", "55.5", "0.5"), (baseline["uar_mean"], baseline["uar_std"], baseline["wa_mean"], baseline["wa_std"], baseline["macro_f1_mean"], baseline["macro_f1_std"]));
        Assert.Equal(("", "", "", ""), (baseline["vs_baseline_diff"], baseline["vs_baseline_pairs"], baseline["vs_baseline_t_p"], baseline["vs_baseline_wilcoxon_p"]));
        Assert.Equal(("-1.5", "2", "0.0625", "0.5"), (baseline["vs_pa_cc_diff"], baseline["vs_pa_cc_pairs"], baseline["vs_pa_cc_t_p"], baseline["vs_pa_cc_wilcoxon_p"]));
        Assert.Equal("low, calm=50;high=75", baseline["per_class_recall"]);
        Assert.Equal("0=60;2=65", baseline["uar_by_seed"]);

        var agCc = rows[1];
        Assert.Equal("ag-cc", agCc["method"]);
        Assert.Equal(("70.25", ""), (agCc["uar_mean"], agCc["uar_std"]));
        // One pair: a difference but no p-values.
        Assert.Equal(("7.75", "1", "", ""), (agCc["vs_baseline_diff"], agCc["vs_baseline_pairs"], agCc["vs_baseline_t_p"], agCc["vs_baseline_wilcoxon_p"]));
        Assert.Equal("", agCc["vs_pa_cc_diff"]);
        Assert.Equal("low, calm=60;high=80.5", agCc["per_class_recall"]);
    }

    [Fact]
    public void Csv_quotes_a_field_with_a_comma()
    {
        var line = Lines(ExperimentTableFormats.Csv(HandTable()))[1];

        Assert.StartsWith("arousal,crema-d,msp-improv,baseline,3,2,1,", line);
        Assert.Contains(",\"low, calm=50;high=75\",", line);
        Assert.EndsWith(",0=60;2=65", line);
    }

    [Fact]
    public void Csv_of_an_empty_table_is_its_header()
    {
        var lines = Lines(ExperimentTableFormats.Csv(new ExperimentTable("empty", [], 0, 0, 0, 0))).Where(l => l.Length > 0).ToArray();

        Assert.StartsWith("task,source,target,method,", Assert.Single(lines));
    }

    [Fact]
    public void Json_reads_back_the_same_table()
    {
        var table = PaperTable();
        var json = ExperimentTableFormats.Json(table);
        var again = ExperimentTableFormats.ReadJson(json);

        Assert.Equal(json, ExperimentTableFormats.Json(again));
        Assert.Equal((table.Experiment, table.Runs, table.Completed, table.Failed, table.Cancelled, table.IsFinal),
            (again.Experiment, again.Runs, again.Completed, again.Failed, again.Cancelled, again.IsFinal));
        Assert.Equal(table.Rows.Count, again.Rows.Count);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var (expected, actual) = (table.Rows[i], again.Rows[i]);
            Assert.Equal(expected.Cell, actual.Cell);
            Assert.Equal((expected.Seeds, expected.Completed, expected.Failed), (actual.Seeds, actual.Completed, actual.Failed));
            Assert.Equal(expected.Uar, actual.Uar);
            Assert.Equal(expected.WeightedAccuracy, actual.WeightedAccuracy);
            Assert.Equal(expected.MacroF1, actual.MacroF1);
            Assert.Equal(expected.Classes, actual.Classes);
            Assert.Equal(expected.PerClassRecall, actual.PerClassRecall);
            Assert.Equal(expected.VersusBaseline, actual.VersusBaseline);
            Assert.Equal(expected.VersusPaCc, actual.VersusPaCc);
            Assert.Equal(expected.UarBySeed, actual.UarBySeed);
        }
        Assert.Contains("\"method\": \"ag-cc\"", json);
        Assert.DoesNotContain("isFinal", json);
    }

    [Fact]
    public void Json_reads_back_nulls_and_single_seed_cells()
    {
        var table = HandTable();
        var again = ExperimentTableFormats.ReadJson(ExperimentTableFormats.Json(table));

        Assert.Null(again.Rows[1].Uar!.Std);
        Assert.Null(again.Rows[1].VersusPaCc);
        Assert.Null(again.Rows[1].VersusBaseline!.TTestP);
        Assert.Null(again.Rows[0].VersusBaseline);
        Assert.Equal(table.Rows[0].VersusPaCc, again.Rows[0].VersusPaCc);
        Assert.Equal(["low, calm", "high"], again.Rows[0].Classes);
        Assert.Equal(table.Rows[1].UarBySeed, again.Rows[1].UarBySeed);
    }

    [Fact]
    public void Write_picks_the_format_by_name()
    {
        var table = HandTable();

        Assert.Equal(ExperimentTableFormats.Markdown(table), ExperimentTableFormats.Write(table, "md"));
        Assert.Equal(ExperimentTableFormats.Csv(table), ExperimentTableFormats.Write(table, "csv"));
        Assert.Equal(ExperimentTableFormats.Json(table), ExperimentTableFormats.Write(table, "json"));
        Assert.Contains("xlsx", Assert.Throws<ArgumentException>(() => ExperimentTableFormats.Write(table, "xlsx")).Message);
    }

    [Fact]
    public void Differences_and_p_values_read_as_in_the_paper()
    {
        Assert.Equal("–", ExperimentTableFormats.Difference(null));
        Assert.Equal("+5.3", ExperimentTableFormats.Difference(new PairedComparison(TrainingMethod.Baseline, 4, 5.26, 0.0002, 0.125)));
        Assert.Equal("−1.5", ExperimentTableFormats.Difference(new PairedComparison(TrainingMethod.Baseline, 4, -1.5, 0.2, 0.25)));
        Assert.Equal("<0.001 / 0.125", ExperimentTableFormats.PValues(new PairedComparison(TrainingMethod.Baseline, 4, 5.26, 0.0002, 0.125)));
        Assert.Equal("n/a / n/a", ExperimentTableFormats.PValues(new PairedComparison(TrainingMethod.Baseline, 1, 7.75, null, null)));
        Assert.Equal("62.5 ± 2.5", ExperimentTableFormats.MeanStd(new MeanStd(62.5, 2.5, 2)));
        Assert.Equal("70.3", ExperimentTableFormats.MeanStd(new MeanStd(70.26, null, 1)));
        Assert.Equal("AG-CC", ExperimentTableFormats.Display(TrainingMethod.AgCc));
    }
}
