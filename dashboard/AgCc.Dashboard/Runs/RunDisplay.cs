using System.Globalization;
using AgCc.Core.Training.Config;
using AgCc.Dashboard.Experiments;
using AgCc.Grains.Training;
using MudBlazor;

namespace AgCc.Dashboard.Runs;

/// <summary>The Runs pages' texts, colours, intervals and mappings, pure so that tests check them.</summary>
public static class RunDisplay
{
    /// <summary>The Compare page refreshes this often while a compared run is active…</summary>
    public static readonly TimeSpan PagePollActive = TimeSpan.FromSeconds(1);

    /// <summary>
    /// …and this often otherwise. The list and a run's page hear changes pushed (RunIndexUpdates,
    /// RunUpdates) and poll this slowly only for what a lost subscription missed.
    /// </summary>
    public static readonly TimeSpan PollIdle = TimeSpan.FromSeconds(10);

    public const string LaunchCommand = "./agcc run start --config RUN.json";

    public static IReadOnlyList<TrainingRunState> States { get; } = Enum.GetValues<TrainingRunState>();

    public static IReadOnlyList<string> Methods { get; } = [.. TrainingMethods.All];

    public static string StateText(TrainingRunState state) => state.ToName();

    /// <summary>The experiment grid's run colours, so a run looks the same on both pages.</summary>
    public static Color StateColor(TrainingRunState state) => ExperimentDisplay.RunStateColor(state.ToName());

    public static Variant StateVariant(TrainingRunState state) => ExperimentDisplay.RunStateVariant(state.ToName());

    /// <summary>A UAR as a percentage with one decimal (the results table's), or a dash.</summary>
    public static string Percent(double? value) =>
        value is { } v && double.IsFinite(v) ? (100 * v).ToString("0.0", CultureInfo.InvariantCulture) : "—";

    public static string Number(double value) =>
        !double.IsFinite(value) ? "—" : Math.Abs(value) >= 100 ? value.ToString("0.#", CultureInfo.InvariantCulture) : value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>`1:02:03`, `4:05` or `6 s`; a dash before the run started.</summary>
    public static string Duration(TimeSpan? duration)
    {
        if (duration is not { } d) return "—";
        if (d < TimeSpan.Zero) d = TimeSpan.Zero;
        if (d.TotalMinutes < 1) return $"{(int)d.TotalSeconds} s";
        return d.TotalHours >= 1
            ? $"{(int)d.TotalHours}:{d.Minutes:00}:{d.Seconds:00}"
            : $"{d.Minutes}:{d.Seconds:00}";
    }

    /// <summary>UTC, as the other pages write times ("2026-11-25 00:46:29Z").</summary>
    public static string Time(DateTimeOffset? time) => time is { } t ? t.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture) : "—";

    public static string EpochText(int epoch, int epochs) => $"{epoch} / {epochs}";

    public static string DirectionText(string source, string target) => ExperimentDisplay.DirectionText(source, target);

    /// <summary>The grid column's sort name (a RunSummary property) as the index's sort field; the queue time for anything else.</summary>
    public static RunSortField SortField(string? column) => column switch
    {
        nameof(RunSummary.Id) => RunSortField.Id,
        nameof(RunSummary.State) => RunSortField.State,
        nameof(RunSummary.Method) => RunSortField.Method,
        nameof(RunSummary.Task) => RunSortField.Task,
        nameof(RunSummary.Source) => RunSortField.Source,
        nameof(RunSummary.Target) => RunSortField.Target,
        nameof(RunSummary.Epoch) => RunSortField.Epoch,
        nameof(RunSummary.BestDevelopmentUar) => RunSortField.BestDevelopmentUar,
        nameof(RunSummary.TargetUar) => RunSortField.TargetUar,
        nameof(RunSummary.StartedAt) => RunSortField.Started,
        nameof(RunSummary.FinishedAt) => RunSortField.Finished,
        "Duration" => RunSortField.Duration,
        _ => RunSortField.Queued,
    };

    /// <summary>The index query for a grid page: page and size from the grid, the first sort (else newest first), the filters.</summary>
    public static RunQuery Query(int page, int pageSize, string? sortBy, bool descending, RunFilters filters)
    {
        var size = Math.Clamp(pageSize, 1, RunQuery.MaxCount);
        var sorted = !string.IsNullOrEmpty(sortBy);
        return new RunQuery(
            Math.Max(0, page) * size, size,
            sorted ? SortField(sortBy) : RunSortField.Queued, sorted ? descending : true,
            filters.State, Blank(filters.Method), Blank(filters.Corpus), Blank(filters.Task), Blank(filters.Tag), Blank(filters.Text));
    }

    /// <summary>Seed and other config facts for the run page's header; null when the config does not parse.</summary>
    public static RunConfig? Config(TrainingRunStatus status)
    {
        if (status.Config is not { } json) return null;
        try
        {
            return RunConfigJson.Parse(json, $"run '{status.Id}'");
        }
        catch (Exception e) when (e is ConfigException or FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether the Resume button applies: a failed or cancelled run goes on from its checkpoint.</summary>
    public static bool CanResume(TrainingRunStatus status) => status.Exists && status.State is TrainingRunState.Failed or TrainingRunState.Cancelled;

    public static string TagsText(IEnumerable<string>? tags) => string.Join(", ", tags ?? []);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The Runs page's filter bar (null or blank: no filter).</summary>
public sealed class RunFilters
{
    public TrainingRunState? State { get; set; }

    public string? Method { get; set; }

    public string? Corpus { get; set; }

    public string? Task { get; set; }

    public string? Tag { get; set; }

    public string? Text { get; set; }
}

/// <summary>Addresses of the Runs pages and of a run's blobs.</summary>
public static class RunLinks
{
    public const string List = "/runs";

    public static string Run(string runId) => ExperimentLinks.Run(runId);

    public static string Checkpoint(string runId) => $"{Run(runId)}/checkpoint";

    public static string BestModel(string runId) => $"{Run(runId)}/best-model";

    /// <summary>The compare page for these runs, in order: `/compare?runs=a,b,c`.</summary>
    public static string Compare(IEnumerable<string> runIds) => "/compare?runs=" + string.Join(",", runIds.Select(Uri.EscapeDataString));
}
