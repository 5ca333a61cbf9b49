namespace AgCc.Grains.Training;

/// <summary>The run index's query in memory: filters, then sorts (missing values last, ties by id), then pages.</summary>
public static class RunIndexQuery
{
    public static RunPage Run(IEnumerable<RunSummary> runs, RunQuery query, DateTimeOffset now)
    {
        var matching = runs.Where(r => Matches(r, query)).ToList();
        var offset = Math.Max(0, query.Offset);
        var count = Math.Clamp(query.Count, 0, RunQuery.MaxCount);
        var page = Sort(matching, query.Sort, query.Descending, now).Skip(offset).Take(count).ToArray();
        return new RunPage(page, matching.Count);
    }

    public static bool Matches(RunSummary run, RunQuery query) =>
        (query.State is not { } state || run.State == state)
        && (Blank(query.Method) || Same(run.Method, query.Method))
        && (Blank(query.Task) || Same(run.Task, query.Task))
        && (Blank(query.Corpus) || Same(run.Source, query.Corpus) || Same(run.Target, query.Corpus))
        && (Blank(query.Tag) || run.Tags.Any(t => Same(t, query.Tag)))
        && (Blank(query.Text) || run.Id.Contains(query.Text!.Trim(), StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<RunSummary> Sort(IEnumerable<RunSummary> runs, RunSortField field, bool descending, DateTimeOffset now)
    {
        IOrderedEnumerable<RunSummary> sorted = field switch
        {
            RunSortField.Id => runs.OrderBy(r => r.Id, Text(descending)),
            RunSortField.State => runs.OrderBy(r => (int?)r.State, Values<int>(descending)),
            RunSortField.Method => runs.OrderBy(r => r.Method, Text(descending)),
            RunSortField.Task => runs.OrderBy(r => r.Task, Text(descending)),
            RunSortField.Source => runs.OrderBy(r => r.Source, Text(descending)),
            RunSortField.Target => runs.OrderBy(r => r.Target, Text(descending)),
            RunSortField.Epoch => runs.OrderBy(r => (int?)r.Epoch, Values<int>(descending)),
            RunSortField.BestDevelopmentUar => runs.OrderBy(r => r.BestDevelopmentUar, Values<double>(descending)),
            RunSortField.TargetUar => runs.OrderBy(r => r.TargetUar, Values<double>(descending)),
            RunSortField.Duration => runs.OrderBy(r => r.Duration(now), Values<TimeSpan>(descending)),
            RunSortField.Started => runs.OrderBy(r => r.StartedAt, Values<DateTimeOffset>(descending)),
            RunSortField.Finished => runs.OrderBy(r => r.FinishedAt, Values<DateTimeOffset>(descending)),
            _ => runs.OrderBy(r => r.QueuedAt, Values<DateTimeOffset>(descending)),
        };
        return sorted.ThenBy(r => r.Id, StringComparer.Ordinal);
    }

    private static bool Blank(string? filter) => string.IsNullOrWhiteSpace(filter);

    private static bool Same(string value, string? filter) => string.Equals(value, filter!.Trim(), StringComparison.OrdinalIgnoreCase);

    private static IComparer<string> Text(bool descending) => Comparer<string>.Create((a, b) =>
    {
        // Empty values (a config that did not parse) last either way.
        if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b)) return string.IsNullOrEmpty(a).CompareTo(string.IsNullOrEmpty(b));
        var c = StringComparer.OrdinalIgnoreCase.Compare(a, b);
        if (c == 0) c = StringComparer.Ordinal.Compare(a, b);
        return descending ? -c : c;
    });

    private static IComparer<T?> Values<T>(bool descending) where T : struct, IComparable<T> => Comparer<T?>.Create((a, b) =>
    {
        // Missing values (not started, no result yet) last either way.
        if (a is not { } x) return b is null ? 0 : 1;
        if (b is not { } y) return -1;
        var c = x.CompareTo(y);
        return descending ? -c : c;
    });
}
