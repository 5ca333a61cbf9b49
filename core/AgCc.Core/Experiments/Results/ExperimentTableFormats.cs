using System.Globalization;
using System.Text;
using AgCc.Core.Training.Config;

namespace AgCc.Core.Experiments.Results;

/// <summary>
/// An <see cref="ExperimentTable"/> as Markdown (the paper's table, then the detail with the
/// significance columns), CSV (a row per cell) and JSON (the record itself).
/// </summary>
public static class ExperimentTableFormats
{
    public static IReadOnlyList<string> Names { get; } = ["md", "csv", "json"];

    /// <summary>The table in <paramref name="format"/> (`md`, `csv` or `json`).</summary>
    public static string Write(ExperimentTable table, string format) => format switch
    {
        "md" => Markdown(table),
        "csv" => Csv(table),
        "json" => Json(table),
        _ => throw new ArgumentException($"unknown format '{format}': expected {string.Join(", ", Names)}", nameof(format)),
    };

    public static string Json(ExperimentTable table) => DocumentJson.Write(table);

    public static ExperimentTable ReadJson(string json, string file = "results.json") => DocumentJson.Parse<ExperimentTable>(json, file, _ => []);

    /// <summary>
    /// The paper's layout (methods down, direction × task across, UAR mean ± std) with markers for
    /// a significant paired t-test, then one block per task and direction with every column.
    /// </summary>
    public static string Markdown(ExperimentTable table)
    {
        var text = new StringBuilder();
        var columns = table.Rows.Select(r => (r.Cell.Task, r.Cell.Source, r.Cell.Target)).Distinct().ToList();
        var methods = table.Rows.Select(r => r.Cell.Method).Distinct().Order().ToList();
        var seeds = table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Seeds);
        text.AppendLine(Invariant($"### {table.Experiment}: target UAR (%), mean ± std over {seeds} seeds"));
        text.AppendLine();
        text.AppendLine(Invariant($"| method | {string.Join(" | ", columns.Select(c => $"{c.Source} → {c.Target}, {c.Task}"))} |"));
        text.AppendLine($"|---|{string.Concat(columns.Select(_ => "---:|"))}");
        foreach (var method in methods)
        {
            var cells = columns.Select(c => table.Rows.FirstOrDefault(r => r.Cell == new ExperimentCell(c.Task, c.Source, c.Target, method)));
            text.AppendLine($"| {Display(method)} | {string.Join(" | ", cells.Select(PaperCell))} |");
        }
        text.AppendLine();
        text.AppendLine(Invariant($"{table.Completed} of {table.Runs} runs completed, {table.Failed} failed, {table.Cancelled} cancelled. † p < {Alpha} better than baseline, ‡ better than PA-CC (paired t-test over seeds; Wilcoxon signed-rank in the detail)."));
        foreach (var group in table.Rows.GroupBy(r => (r.Cell.Task, r.Cell.Source, r.Cell.Target)))
        {
            text.AppendLine();
            text.AppendLine(Invariant($"#### {group.Key.Source} → {group.Key.Target}, {group.Key.Task}"));
            text.AppendLine();
            var classes = DetailClasses([.. group]);
            text.AppendLine($"| method | seeds | UAR | WA | macro-F1 | Δ baseline | p (t / W) | Δ PA-CC | p (t / W) |{string.Concat(classes.Select(c => $" recall {c} |"))}");
            text.AppendLine($"|---|---:|---:|---:|---:|---:|---:|---:|---:|{string.Concat(classes.Select(_ => "---:|"))}");
            foreach (var row in group)
            {
                text.Append(Invariant($"| {Display(row.Cell.Method)} | {Seeds(row)} | {MeanStd(row.Uar)} | {MeanStd(row.WeightedAccuracy)} | {MeanStd(row.MacroF1)} | "));
                text.Append($"{Difference(row.VersusBaseline)} | {PValues(row.VersusBaseline)} | {Difference(row.VersusPaCc)} | {PValues(row.VersusPaCc)} |");
                text.AppendLine(string.Concat(classes.Select((_, i) => $" {Recall(row, i)} |")));
            }
        }
        return text.ToString();
    }

    /// <summary>One row per cell; p-values and stds empty where undefined; per-class recall as `class=value` pairs.</summary>
    public static string Csv(ExperimentTable table)
    {
        var text = new StringBuilder();
        text.AppendLine("task,source,target,method,seeds,completed,failed,uar_mean,uar_std,wa_mean,wa_std,macro_f1_mean,macro_f1_std," +
            "vs_baseline_diff,vs_baseline_pairs,vs_baseline_t_p,vs_baseline_wilcoxon_p,vs_pa_cc_diff,vs_pa_cc_pairs,vs_pa_cc_t_p,vs_pa_cc_wilcoxon_p,per_class_recall,uar_by_seed");
        foreach (var row in table.Rows)
        {
            var fields = new List<string>
            {
                row.Cell.Task, row.Cell.Source, row.Cell.Target, row.Cell.Method.ToName(),
                Number(row.Seeds), Number(row.Completed), Number(row.Failed),
                Number(row.Uar?.Mean), Number(row.Uar?.Std), Number(row.WeightedAccuracy?.Mean), Number(row.WeightedAccuracy?.Std),
                Number(row.MacroF1?.Mean), Number(row.MacroF1?.Std),
            };
            foreach (var comparison in new[] { row.VersusBaseline, row.VersusPaCc })
                fields.AddRange([Number(comparison?.Difference), Number(comparison?.Pairs), Number(comparison?.TTestP), Number(comparison?.WilcoxonP)]);
            fields.Add(string.Join(';', row.Classes.Select((c, i) => $"{c}={Number(row.PerClassRecall[i])}")));
            fields.Add(string.Join(';', row.UarBySeed.Select(s => $"{Number(s.Seed)}={Number(s.Value)}")));
            text.AppendLine(string.Join(',', fields.Select(Quote)));
        }
        return text.ToString();
    }

    /// <summary>The t-test's level for the † / ‡ marks.</summary>
    public const double Alpha = 0.05;

    /// <summary>The method as the paper writes it.</summary>
    public static string Display(TrainingMethod method) => method switch
    {
        TrainingMethod.Baseline => "baseline",
        TrainingMethod.PaCc => "PA-CC",
        TrainingMethod.LaCc => "LA-CC",
        TrainingMethod.AgCc => "AG-CC",
        _ => method.ToName(),
    };

    private static string PaperCell(ExperimentTableRow? row)
    {
        if (row?.Uar is null) return "–";
        var marks = Marks(row);
        return MeanStd(row.Uar) + (marks.Length > 0 ? " " + marks : "") + Partial(row);
    }

    /// <summary>† when better than baseline, ‡ when better than PA-CC (paired t-test, p &lt; <see cref="Alpha"/>).</summary>
    public static string Marks(ExperimentTableRow row) => (Significant(row.VersusBaseline) ? "†" : "") + (Significant(row.VersusPaCc) ? "‡" : "");

    /// <summary>" (k/n)" while not every seed has completed, else "".</summary>
    public static string Partial(ExperimentTableRow row) => row.Completed < row.Seeds ? Invariant($" ({row.Completed}/{row.Seeds})") : "";

    /// <summary>Better than the reference by a paired t-test (p &lt; <see cref="Alpha"/>, positive difference).</summary>
    public static bool Significant(PairedComparison? comparison) => comparison is { TTestP: < Alpha, Difference: > 0 };

    /// <summary>The classes of a task × direction block: the first row's that has any (or the last row's).</summary>
    public static string[] DetailClasses(IReadOnlyList<ExperimentTableRow> rows) => rows.First(r => r.Classes.Length > 0 || r == rows[^1]).Classes;

    /// <summary>The mean recall of class <paramref name="index"/>, or "–" before any run completed.</summary>
    public static string Recall(ExperimentTableRow row, int index) =>
        index < row.PerClassRecall.Length && row.Completed > 0 ? Invariant($"{row.PerClassRecall[index]:F1}") : "–";

    public static string MeanStd(MeanStd? value) => value switch
    {
        null => "–",
        { Std: { } std } => Invariant($"{value.Mean:F1} ± {std:F1}"),
        _ => Invariant($"{value.Mean:F1}"),
    };

    /// <summary>"completed/planned", with " (f failed)" when runs failed or were cancelled.</summary>
    public static string Seeds(ExperimentTableRow row) =>
        Invariant($"{row.Completed}/{row.Seeds}") + (row.Failed > 0 ? Invariant($" ({row.Failed} failed)") : "");

    public static string Difference(PairedComparison? comparison) => comparison is null ? "–" : Invariant($"{comparison.Difference:+0.0;−0.0;0.0}");

    public static string PValues(PairedComparison? comparison) =>
        comparison is null ? "–" : $"{P(comparison.TTestP)} / {P(comparison.WilcoxonP)}";

    private static string P(double? p) => p switch
    {
        null => "n/a",
        < 0.001 => "<0.001",
        _ => Invariant($"{p:F3}"),
    };

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string field) => field.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
