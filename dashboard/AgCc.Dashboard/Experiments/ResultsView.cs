using AgCc.Core.Experiments;
using AgCc.Core.Experiments.Results;
using AgCc.Core.Training.Config;

namespace AgCc.Dashboard.Experiments;

/// <summary>A column of the paper table: one task in one direction.</summary>
public sealed record ResultsColumn(string Task, string Source, string Target)
{
    /// <summary>"SOURCE-to-TARGET", for data attributes.</summary>
    public string Direction => ExperimentDisplay.DirectionKey(Source, Target);

    /// <summary>"SOURCE → TARGET".</summary>
    public string DirectionText => ExperimentDisplay.DirectionText(Source, Target);

    /// <summary>The Markdown export's header: "SOURCE → TARGET, task".</summary>
    public string Header => $"{DirectionText}, {Task}";
}

/// <summary>
/// A cell of the paper table. <see cref="Text"/> is exactly what the Markdown export writes there:
/// the UAR mean ± std, then † / ‡ when the paired t-test against baseline / PA-CC has p &lt; 0.05
/// and the difference is positive, then "(k/n)" while not every seed has completed; "–" without any.
/// </summary>
/// <param name="Score">The UAR mean ± std alone.</param>
/// <param name="Marks">"†", "‡", "†‡" or "".</param>
/// <param name="Partial">" (k/n)" or "".</param>
public sealed record ResultsCell(ResultsColumn Column, TrainingMethod Method, string Score, string Marks, string Partial)
{
    public string Text => Score + (Marks.Length > 0 ? " " + Marks : "") + Partial;

    public string MethodKey => Method.ToName();
}

/// <summary>A row of the paper table: one method across every column.</summary>
public sealed record ResultsRow(TrainingMethod Method, string MethodText, IReadOnlyList<ResultsCell> Cells)
{
    public string MethodKey => Method.ToName();
}

/// <summary>The paper's layout: methods down, direction × task across.</summary>
/// <param name="Seeds">The most seeds any cell plans (the caption's "over n seeds").</param>
public sealed record PaperTable(IReadOnlyList<ResultsColumn> Columns, IReadOnlyList<ResultsRow> Rows, int Seeds);

/// <summary>A row of a detail table: every column the Markdown export's detail block has, as it writes them.</summary>
/// <param name="Seeds">"completed/planned", then " (f failed)" when some failed or were cancelled.</param>
/// <param name="Recall">Per class of the block's classes: the mean recall ("F1"), "–" without it.</param>
public sealed record DetailRow(
    TrainingMethod Method,
    string MethodText,
    string Seeds,
    string Uar,
    string WeightedAccuracy,
    string MacroF1,
    string DeltaBaseline,
    string PBaseline,
    string DeltaPaCc,
    string PPaCc,
    IReadOnlyList<string> Recall)
{
    public string MethodKey => Method.ToName();
}

/// <summary>The detail table of one task in one direction.</summary>
public sealed record DetailTable(ResultsColumn Column, IReadOnlyList<string> Classes, IReadOnlyList<DetailRow> Rows);

/// <summary>
/// The results table as the Experiments page shows it. Every number is formatted by
/// <see cref="ExperimentTableFormats"/>'s public helpers, and the layout follows its Markdown export
/// (columns and rows in the same order), so the page and the export show the same strings.
/// </summary>
public static class ResultsView
{
    /// <summary>The columns in the export's order: each (task, direction) as the table's rows first show it.</summary>
    public static IReadOnlyList<ResultsColumn> Columns(ExperimentTable table) =>
        table.Rows.Select(r => new ResultsColumn(r.Cell.Task, r.Cell.Source, r.Cell.Target)).Distinct().ToArray();

    public static PaperTable Paper(ExperimentTable table)
    {
        var columns = Columns(table);
        var methods = table.Rows.Select(r => r.Cell.Method).Distinct().Order().ToArray();
        var rows = methods.Select(method => new ResultsRow(
                method,
                ExperimentTableFormats.Display(method),
                columns.Select(c => Cell(c, method, Find(table, new ExperimentCell(c.Task, c.Source, c.Target, method)))).ToArray()))
            .ToArray();
        return new PaperTable(columns, rows, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Seeds));
    }

    /// <summary>One cell of the paper table (a cell the grid does not have reads "–").</summary>
    public static ResultsCell Cell(ResultsColumn column, TrainingMethod method, ExperimentTableRow? row)
    {
        if (row?.Uar is null) return new ResultsCell(column, method, "–", "", "");
        return new ResultsCell(column, method, ExperimentTableFormats.MeanStd(row.Uar), ExperimentTableFormats.Marks(row), ExperimentTableFormats.Partial(row));
    }

    /// <summary>One detail table per task and direction, in the export's order.</summary>
    public static IReadOnlyList<DetailTable> Details(ExperimentTable table) =>
        table.Rows.GroupBy(r => new ResultsColumn(r.Cell.Task, r.Cell.Source, r.Cell.Target))
            .Select(group =>
            {
                var rows = group.ToArray();
                var classes = ExperimentTableFormats.DetailClasses(rows);
                return new DetailTable(group.Key, classes, rows.Select(r => Detail(r, classes.Length)).ToArray());
            })
            .ToArray();

    public static DetailRow Detail(ExperimentTableRow row, int classes) => new(
        row.Cell.Method,
        ExperimentTableFormats.Display(row.Cell.Method),
        ExperimentTableFormats.Seeds(row),
        ExperimentTableFormats.MeanStd(row.Uar),
        ExperimentTableFormats.MeanStd(row.WeightedAccuracy),
        ExperimentTableFormats.MeanStd(row.MacroF1),
        ExperimentTableFormats.Difference(row.VersusBaseline),
        ExperimentTableFormats.PValues(row.VersusBaseline),
        ExperimentTableFormats.Difference(row.VersusPaCc),
        ExperimentTableFormats.PValues(row.VersusPaCc),
        [.. Enumerable.Range(0, classes).Select(i => ExperimentTableFormats.Recall(row, i))]);

    /// <summary>The row of <paramref name="cell"/>, or null when the grid does not have it.</summary>
    public static ExperimentTableRow? Find(ExperimentTable table, ExperimentCell cell) => table.Rows.FirstOrDefault(r => r.Cell == cell);
}
