using AgCc.Dashboard.Gestures;
using AgCc.Grains.Training;

namespace AgCc.Dashboard.Runs;

/// <summary>A confusion cell: its count, its share of the row (the true class's utterances) and colours.</summary>
public sealed record ConfusionCell(string Predicted, long Count, double Share, string Background, string Foreground);

/// <summary>A true class's row: its utterances, its recall (the diagonal's share) and cells per predicted class.</summary>
public sealed record ConfusionRow(string Class, long Total, double Recall, IReadOnlyList<ConfusionCell> Cells);

/// <summary>
/// A result's confusion matrix as a heat map: rows are true classes, columns predicted ones; each
/// cell is coloured by its share of the row on <see cref="HeatmapScale"/> from 0 to 100%, so the
/// diagonal reads as per-class recall whatever the classes' sizes.
/// </summary>
public static class ConfusionView
{
    public static IReadOnlyList<ConfusionRow> Rows(TrainingRunResult result) => Rows(result.Classes, result.Confusion, result.PerClassRecall);

    public static IReadOnlyList<ConfusionRow> Rows(IReadOnlyList<string> classes, IReadOnlyList<long[]> confusion, IReadOnlyList<double>? recall = null)
    {
        if (confusion.Count != classes.Count || confusion.Any(r => r.Length != classes.Count))
            throw new ArgumentException($"a confusion matrix of {classes.Count} classes must be {classes.Count} × {classes.Count}", nameof(confusion));
        var rows = new ConfusionRow[classes.Count];
        for (var i = 0; i < classes.Count; i++)
        {
            var total = confusion[i].Sum();
            var cells = new ConfusionCell[classes.Count];
            for (var j = 0; j < classes.Count; j++)
            {
                var share = total > 0 ? (double)confusion[i][j] / total : double.NaN;
                var background = HeatmapScale.Color(share, 1);
                cells[j] = new ConfusionCell(classes[j], confusion[i][j], share, background, HeatmapScale.TextColor(background));
            }
            var rowRecall = recall is { } r && i < r.Count ? r[i] : total > 0 ? (double)confusion[i][i] / total : double.NaN;
            rows[i] = new ConfusionRow(classes[i], total, rowRecall, cells);
        }
        return rows;
    }

    public static string ShareText(double share) => RunDisplay.Percent(share);
}
