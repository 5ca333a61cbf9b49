using AgCc.Dashboard.Runs;

namespace AgCc.Dashboard.Compare;

/// <summary>The compared runs as the address holds them: `/compare?runs=a,b,c`, in order, each once.</summary>
public static class CompareSelection
{
    public const string Path = "/compare";

    /// <summary>The most runs one comparison holds (a colour each, see <see cref="RunCurves.Palette"/>).</summary>
    public const int MaxRuns = 10;

    /// <summary>The ids of a `runs` query value: split at commas, trimmed, blanks dropped, each once, at most <see cref="MaxRuns"/>.</summary>
    public static IReadOnlyList<string> Parse(string? runs) =>
        string.IsNullOrWhiteSpace(runs)
            ? []
            : [.. runs.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Take(MaxRuns)];

    /// <summary>The selection with <paramref name="runId"/> last; unchanged when it is there already, blank or the selection is full.</summary>
    public static IReadOnlyList<string> Add(IReadOnlyList<string> selected, string? runId)
    {
        var id = runId?.Trim();
        if (string.IsNullOrEmpty(id) || id.Contains(',') || selected.Contains(id, StringComparer.Ordinal) || selected.Count >= MaxRuns) return selected;
        return [.. selected, id];
    }

    public static IReadOnlyList<string> Remove(IReadOnlyList<string> selected, string runId) =>
        [.. selected.Where(id => !string.Equals(id, runId, StringComparison.Ordinal))];

    /// <summary>The page's address for a selection: `/compare` for none, else `/compare?runs=a,b`.</summary>
    public static string Url(IReadOnlyList<string> selected) => selected.Count == 0 ? Path : RunLinks.Compare(selected);
}
