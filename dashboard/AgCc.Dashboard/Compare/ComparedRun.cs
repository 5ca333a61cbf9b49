using AgCc.Core.Training.Config;
using AgCc.Dashboard.Runs;
using AgCc.Grains.Training;

namespace AgCc.Dashboard.Compare;

/// <summary>
/// One column of the compare page: the run's id and colour (by its place in the selection), its
/// status once read (null before, or when reading it failed: <see cref="Error"/>), and its config.
/// </summary>
public sealed record ComparedRun(string Id, string Color, TrainingRunStatus? Status, string? Error = null)
{
    /// <summary>The run was read and was never launched.</summary>
    public bool IsUnknown => Status is { Exists: false };

    public bool Exists => Status is { Exists: true };

    public bool IsActive => Status is { Exists: true, IsActive: true };

    public IReadOnlyList<EpochMetricsRecord> History => Status?.History ?? [];

    /// <summary>The config as the grain would run it: parsed and written again (every default shown); the stored text when it does not parse.</summary>
    public string? ConfigDocument => Status is { Exists: true } s
        ? RunDisplay.Config(s) is { } config ? RunConfigJson.Write(config) : s.Config
        : null;

    /// <summary>What its column says instead of values, or null when it has values.</summary>
    public string? Problem =>
        Error is not null ? $"cannot read run '{Id}': {Error}"
        : IsUnknown ? $"There is no run '{Id}'."
        : null;
}

/// <summary>The compare page's curves, results and configs, pure so that tests check them.</summary>
public static class CompareDisplay
{
    /// <summary>The page refreshes this often while a compared run is active, <see cref="PollIdle"/> otherwise.</summary>
    public static TimeSpan PollActive => RunDisplay.PagePollActive;

    public static TimeSpan PollIdle => RunDisplay.PollIdle;

    /// <summary>The runs of a selection with their statuses (null: not read yet), coloured by place.</summary>
    public static IReadOnlyList<ComparedRun> Runs(IReadOnlyList<string> selected, IReadOnlyDictionary<string, TrainingRunStatus> statuses, IReadOnlyDictionary<string, string>? errors = null) =>
        [.. selected.Select((id, i) => new ComparedRun(id, RunCurves.SeriesColor(i), statuses.GetValueOrDefault(id), errors?.GetValueOrDefault(id)))];

    public static bool AnyActive(IEnumerable<ComparedRun> runs) => runs.Any(r => r.IsActive);

    /// <summary>Training loss per epoch, one series per run that exists (named by its id, in its colour).</summary>
    public static IReadOnlyList<RunSeries> Loss(IReadOnlyList<ComparedRun> runs) => PerRun(runs, h => h.Loss);

    public static IReadOnlyList<RunSeries> DevelopmentUar(IReadOnlyList<ComparedRun> runs) => PerRun(runs, h => 100 * h.DevelopmentUar);

    /// <summary>Target UAR per epoch, for the runs that evaluate it per epoch.</summary>
    public static IReadOnlyList<RunSeries> TargetUar(IReadOnlyList<ComparedRun> runs) => PerRun(runs, h => 100 * h.TargetUar);

    private static IReadOnlyList<RunSeries> PerRun(IReadOnlyList<ComparedRun> runs, Func<EpochMetricsRecord, double?> metric) =>
        [.. runs.Where(r => r.Exists).Select(r => RunCurves.Series(r.Id, r.Color, r.History, metric))];

    /// <summary>
    /// The best epoch: the result's once completed, else the finished epoch with the best
    /// source-development UAR so far (the one the result would take); null before the first.
    /// </summary>
    public static int? BestEpoch(TrainingRunStatus status) =>
        status.Result?.BestEpoch
        ?? status.History.Where(h => double.IsFinite(h.DevelopmentUar)).OrderByDescending(h => h.DevelopmentUar).ThenBy(h => h.Epoch).Select(h => (int?)h.Epoch).FirstOrDefault();

    /// <summary>Rows of the configs of the runs (null columns for runs without one).</summary>
    public static IReadOnlyList<ConfigRow> ConfigRows(IReadOnlyList<ComparedRun> runs) =>
        ConfigDifferences.Rows([.. runs.Select(r => r.ConfigDocument is { } json ? Flatten(json) : null)]);

    private static IReadOnlyList<ConfigEntry>? Flatten(string json)
    {
        try
        {
            return ConfigFlattening.Flatten(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
