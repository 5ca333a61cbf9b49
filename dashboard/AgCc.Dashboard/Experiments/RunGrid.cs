using AgCc.Core.Experiments;
using AgCc.Core.Experiments.Results;
using AgCc.Core.Training.Config;

namespace AgCc.Dashboard.Experiments;

/// <summary>A row of the run grid: one cell (task, direction, method) with its runs, one per seed in seed order.</summary>
public sealed record RunGridRow(ExperimentCell Cell, IReadOnlyList<ExperimentRunOutcome> Runs)
{
    public string MethodText => ExperimentTableFormats.Display(Cell.Method);

    public string MethodKey => Cell.Method.ToName();

    public string Direction => ExperimentDisplay.DirectionKey(Cell.Source, Cell.Target);

    public string DirectionText => ExperimentDisplay.DirectionText(Cell.Source, Cell.Target);

    /// <summary>Runs of the cell that ended (completed, failed or cancelled).</summary>
    public int Ended => Runs.Count(r => r.HasEnded);
}

/// <summary>
/// The experiment's runs laid out as the results table orders its rows: tasks and directions as the
/// grid first lists them, methods in their order, seeds ascending within a row.
/// </summary>
public static class RunGrid
{
    public static IReadOnlyList<RunGridRow> Rows(IReadOnlyList<ExperimentRunOutcome> runs)
    {
        var cells = runs.Select(r => r.Cell).Distinct().ToList();
        var tasks = cells.Select(c => c.Task).Distinct().ToList();
        var directions = cells.Select(c => (c.Source, c.Target)).Distinct().ToList();
        var byCell = runs.ToLookup(r => r.Cell);
        return cells
            .OrderBy(c => tasks.IndexOf(c.Task))
            .ThenBy(c => directions.IndexOf((c.Source, c.Target)))
            .ThenBy(c => c.Method)
            .Select(c => new RunGridRow(c, byCell[c].OrderBy(r => r.Seed).ToArray()))
            .ToArray();
    }

    /// <summary>How many runs are in each state, in <see cref="ExperimentDisplay.RunStates"/>' order (then any other state), leaving out states no run is in.</summary>
    public static IReadOnlyList<(string State, int Count)> StateCounts(IReadOnlyList<ExperimentRunOutcome> runs)
    {
        var counts = runs.GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Count());
        var known = ExperimentDisplay.RunStates.Where(counts.ContainsKey).Select(s => (s, counts[s]));
        var other = counts.Keys.Where(s => !ExperimentDisplay.RunStates.Contains(s)).Order(StringComparer.Ordinal).Select(s => (s, counts[s]));
        return known.Concat(other).ToArray();
    }
}
