using System.Globalization;
using AgCc.Core.Experiments.Results;
using AgCc.Grains.Experiments;
using MudBlazor;

namespace AgCc.Dashboard.Experiments;

/// <summary>How the Experiments pages show an experiment's state and its runs'.</summary>
public static class ExperimentDisplay
{
    /// <summary>The list polls this often while an experiment is active.</summary>
    public static readonly TimeSpan ListPollActive = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Otherwise the list looks slowly, to notice an experiment started (or resumed) from the CLI; an
    /// experiment's page hears its changes pushed (ExperimentUpdates) and polls this slowly only for
    /// what a lost subscription missed.
    /// </summary>
    public static readonly TimeSpan PollIdle = TimeSpan.FromSeconds(10);

    /// <summary>How to start one, for the empty states.</summary>
    public const string StartCommand = "./agcc experiment start --config experiment.json";

    public const string DemoCommand = "./agcc demo";

    /// <summary>The run states in their order of progress, as <see cref="ExperimentRunOutcome.State"/> names them.</summary>
    public static IReadOnlyList<string> RunStates { get; } =
        [ExperimentRunOutcome.Pending, "queued", "preparing", "training", "evaluating", ExperimentRunOutcome.Completed, ExperimentRunOutcome.Failed, ExperimentRunOutcome.Cancelled];

    public static string StageText(ExperimentStage stage) => stage.ToName();

    public static Color StageColor(ExperimentStage stage) => stage switch
    {
        ExperimentStage.Preparing or ExperimentStage.Running => Color.Info,
        ExperimentStage.Completed => Color.Success,
        ExperimentStage.Failed => Color.Error,
        ExperimentStage.Cancelled => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>"12 / 48": runs ended (completed, failed or cancelled) of the grid's runs.</summary>
    public static string ProgressText(ExperimentStatus s) => Invariant($"{s.Ended} / {s.Runs.Count}");

    /// <summary>Runs ended of the grid's, in percent (0 for an empty grid).</summary>
    public static double ProgressPercent(ExperimentStatus s) => s.Runs.Count == 0 ? 0 : Math.Clamp(100.0 * s.Ended / s.Runs.Count, 0, 100);

    /// <summary>How many of its runs are in <paramref name="state"/>.</summary>
    public static int Count(ExperimentStatus s, string state) => s.Runs.Count(r => r.State == state);

    /// <summary>Whether the page should show that no experiment of that name exists.</summary>
    public static bool IsUnknown(ExperimentStatus s) => !s.Exists;

    /// <summary>The list order: active ones first, then the most recently started, then by name.</summary>
    public static IReadOnlyList<ExperimentStatus> Ordered(IEnumerable<ExperimentStatus> statuses) =>
        statuses.OrderByDescending(s => s.IsActive)
            .ThenByDescending(s => s.StartedAt ?? DateTimeOffset.MinValue)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToArray();

    /// <summary>How long the experiment ran (or has been running, at <paramref name="now"/>).</summary>
    public static string? Elapsed(ExperimentStatus s, DateTimeOffset now)
    {
        if (s.StartedAt is not { } start) return null;
        var elapsed = (s.FinishedAt ?? (s.IsActive ? now : start)) - start;
        if (elapsed < TimeSpan.Zero) elapsed = TimeSpan.Zero;
        return elapsed.TotalHours >= 1 ? $"{(int)elapsed.TotalHours} h {elapsed.Minutes} min"
            : elapsed.TotalMinutes >= 1 ? $"{(int)elapsed.TotalMinutes} min {elapsed.Seconds} s"
            : Invariant($"{elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>"final", or "partial: k of n runs" (k: the runs that ended) while runs are still to end.</summary>
    public static string TableStateText(ExperimentTable table) =>
        table.IsFinal ? "final" : Invariant($"partial: {table.Completed + table.Failed + table.Cancelled} of {table.Runs} runs");

    /// <summary>A run's state colour: grey while waiting, blue shades while working, green, red or amber once ended.</summary>
    public static Color RunStateColor(string state) => state switch
    {
        "queued" => Color.Dark,
        "preparing" => Color.Info,
        "training" => Color.Primary,
        "evaluating" => Color.Secondary,
        ExperimentRunOutcome.Completed => Color.Success,
        ExperimentRunOutcome.Failed => Color.Error,
        ExperimentRunOutcome.Cancelled => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>Waiting runs show as outlines, the rest filled.</summary>
    public static Variant RunStateVariant(string state) =>
        state is ExperimentRunOutcome.Pending or "queued" ? Variant.Outlined : Variant.Filled;

    /// <summary>
    /// What a run's chip says after its seed: the epoch while training ("3/20"), the target UAR in
    /// percent once completed ("61.2", as the results table writes a score), the state otherwise.
    /// </summary>
    public static string RunChipText(ExperimentRunOutcome run) => run.State switch
    {
        "training" when run.Epochs > 0 => Invariant($"{run.Epoch}/{run.Epochs}"),
        ExperimentRunOutcome.Completed when run.Scores is { } scores => ExperimentTableFormats.MeanStd(new MeanStd(100 * scores.Uar, null, 1)),
        _ => run.State,
    };

    /// <summary>The chip's tooltip: seed, state, and the failure's reason where there is one.</summary>
    public static string RunTooltip(ExperimentRunOutcome run)
    {
        var text = Invariant($"seed {run.Seed}: {run.State}");
        if (run.State == "training" && run.Epochs > 0) text += Invariant($", epoch {run.Epoch} of {run.Epochs}");
        if (run.State == ExperimentRunOutcome.Completed && run.Scores is { } s)
            text += Invariant($", UAR {100 * s.Uar:F1}, WA {100 * s.WeightedAccuracy:F1}, macro-F1 {100 * s.MacroF1:F1}");
        if (!string.IsNullOrWhiteSpace(run.Failure)) text += $" — {run.Failure}";
        return text;
    }

    /// <summary>A long failure cut to <paramref name="length"/> characters for a table cell (the whole text goes in its title).</summary>
    public static string Shorten(string text, int length = 80) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>A Jensen–Shannon divergence (bits, in [0, 1]) with three decimals, "—" when undefined.</summary>
    public static string Divergence(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    /// <summary>A cell's direction as the data attributes and run ids write it: "SOURCE-to-TARGET".</summary>
    public static string DirectionKey(string source, string target) => $"{source}-to-{target}";

    /// <summary>A direction for people: "SOURCE → TARGET".</summary>
    public static string DirectionText(string source, string target) => $"{source} → {target}";

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Addresses of the Experiments pages (and of the pages they link to), with the path segments escaped.</summary>
public static class ExperimentLinks
{
    public const string List = "/experiments";

    public static string Experiment(string name) => $"{List}/{Uri.EscapeDataString(name)}";

    /// <summary>A training run's page.</summary>
    public static string Run(string runId) => $"/runs/{Uri.EscapeDataString(runId)}";
}
