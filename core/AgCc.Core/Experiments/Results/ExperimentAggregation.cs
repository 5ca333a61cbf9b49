using AgCc.Core.Statistics;
using AgCc.Core.Training.Config;

namespace AgCc.Core.Experiments.Results;

/// <summary>
/// Builds an <see cref="ExperimentTable"/> from the runs' outcomes, whatever their state: a cell
/// counts the seeds whose run completed; failed and cancelled runs are counted, never averaged.
/// </summary>
public static class ExperimentAggregation
{
    /// <summary>The table of <paramref name="outcomes"/>: rows by task and direction in the order they first appear, then by method in the paper's order (baseline, PA-CC, LA-CC, AG-CC).</summary>
    public static ExperimentTable Table(string experiment, IReadOnlyList<ExperimentRunOutcome> outcomes)
    {
        var cells = outcomes.Select(o => o.Cell).Distinct().ToList();
        var byCell = outcomes.ToLookup(o => o.Cell);
        var rows = cells
            .OrderBy(c => cells.FindIndex(x => x.Task == c.Task))
            .ThenBy(c => cells.FindIndex(x => x.Source == c.Source && x.Target == c.Target))
            .ThenBy(c => c.Method)
            .Select(c => Row(c, byCell[c].ToList(), byCell))
            .ToList();
        return new ExperimentTable(
            experiment,
            rows,
            outcomes.Count,
            outcomes.Count(o => o.State == ExperimentRunOutcome.Completed),
            outcomes.Count(o => o.State == ExperimentRunOutcome.Failed),
            outcomes.Count(o => o.State == ExperimentRunOutcome.Cancelled));
    }

    private static ExperimentTableRow Row(ExperimentCell cell, List<ExperimentRunOutcome> runs, ILookup<ExperimentCell, ExperimentRunOutcome> byCell)
    {
        var done = Completed(runs);
        var classes = done.Count > 0 ? done[0].Scores.Classes : [];
        var recall = new double[classes.Length];
        foreach (var (_, scores) in done)
            for (var i = 0; i < recall.Length; i++) recall[i] += 100 * scores.PerClassRecall[i] / done.Count;
        return new ExperimentTableRow(
            cell,
            runs.Count,
            done.Count,
            runs.Count(r => r.State is ExperimentRunOutcome.Failed or ExperimentRunOutcome.Cancelled),
            Summarise(done.Select(d => d.Scores.Uar)),
            Summarise(done.Select(d => d.Scores.WeightedAccuracy)),
            Summarise(done.Select(d => d.Scores.MacroF1)),
            classes,
            recall,
            Compare(cell, TrainingMethod.Baseline, done, byCell),
            Compare(cell, TrainingMethod.PaCc, done, byCell),
            [.. done.Select(d => new SeedScore(d.Seed, 100 * d.Scores.Uar))]);
    }

    /// <summary>The completed runs' scores by seed, in seed order.</summary>
    private static List<(long Seed, RunScores Scores)> Completed(IEnumerable<ExperimentRunOutcome> runs) =>
        [.. runs.Where(r => r.State == ExperimentRunOutcome.Completed && r.Scores is not null).OrderBy(r => r.Seed).Select(r => (r.Seed, r.Scores!))];

    /// <summary>Mean and sample std in percent; null for no values.</summary>
    private static MeanStd? Summarise(IEnumerable<double> fractions)
    {
        var values = fractions.Select(v => 100 * v).ToArray();
        if (values.Length == 0) return null;
        var mean = values.Average();
        double? std = values.Length < 2 ? null : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        return new MeanStd(mean, std, values.Length);
    }

    /// <summary>This cell against <paramref name="against"/> in the same task and direction, paired by seed; null for the reference itself or when it is not in the grid.</summary>
    private static PairedComparison? Compare(ExperimentCell cell, TrainingMethod against, List<(long Seed, RunScores Scores)> done, ILookup<ExperimentCell, ExperimentRunOutcome> byCell)
    {
        if (cell.Method == against) return null;
        var reference = cell with { Method = against };
        if (!byCell.Contains(reference)) return null;
        var theirs = Completed(byCell[reference]).GroupBy(r => r.Seed).ToDictionary(g => g.Key, g => g.First().Scores.Uar);
        var pairs = done.Where(d => theirs.ContainsKey(d.Seed)).Select(d => (Mine: 100 * d.Scores.Uar, Theirs: 100 * theirs[d.Seed])).ToArray();
        if (pairs.Length == 0) return null;
        var mine = pairs.Select(p => p.Mine).ToArray();
        var other = pairs.Select(p => p.Theirs).ToArray();
        var t = PairedTests.TTest(mine, other);
        var w = PairedTests.Wilcoxon(mine, other);
        return new PairedComparison(against, pairs.Length, pairs.Average(p => p.Mine - p.Theirs), Defined(t.PValue), Defined(w.PValue));
    }

    private static double? Defined(double p) => double.IsNaN(p) ? null : p;
}
