using System.Globalization;
using AgCc.Grains.Gestures;
using MudBlazor;

namespace AgCc.Dashboard.Gestures;

/// <summary>How the Gestures pages show a clustering's state.</summary>
public static class GestureDisplay
{
    /// <summary>The list polls this often while a clustering runs.</summary>
    public static readonly TimeSpan ListPollRunning = TimeSpan.FromSeconds(2);

    /// <summary>A clustering's page polls its status this often while it runs (the curves grow live).</summary>
    public static readonly TimeSpan PagePollRunning = TimeSpan.FromSeconds(1);

    /// <summary>Otherwise the pages look slowly, to notice a clustering started (or restarted) from the CLI.</summary>
    public static readonly TimeSpan PollIdle = TimeSpan.FromSeconds(10);

    public static string StageText(GestureClusteringStage stage) => stage switch
    {
        GestureClusteringStage.NotStarted => "not started",
        GestureClusteringStage.Preparing => "preparing",
        GestureClusteringStage.Fitting => "fitting",
        GestureClusteringStage.Assigning => "assigning",
        GestureClusteringStage.Completed => "completed",
        GestureClusteringStage.Failed => "failed",
        _ => stage.ToString(),
    };

    public static Color StageColor(GestureClusteringStage stage) => stage switch
    {
        GestureClusteringStage.Preparing or GestureClusteringStage.Fitting or GestureClusteringStage.Assigning => Color.Info,
        GestureClusteringStage.Completed => Color.Success,
        GestureClusteringStage.Failed => Color.Error,
        _ => Color.Default,
    };

    /// <summary>"12 / 50": iterations done of the most allowed (it usually converges before).</summary>
    public static string IterationText(GestureClusteringStatus s) =>
        s.Spec is { } spec ? $"{s.Iteration} / {spec.MaxIterations}" : s.Iteration.ToString(CultureInfo.InvariantCulture);

    /// <summary>Iterations done of the most allowed, in percent, while fitting; null otherwise (an indeterminate bar).</summary>
    public static double? FitPercent(GestureClusteringStatus s) =>
        s.Stage == GestureClusteringStage.Fitting && s.Spec is { MaxIterations: > 0 } spec
            ? Math.Clamp(100.0 * s.Iteration / spec.MaxIterations, 0, 100)
            : null;

    /// <summary>The inertia after the last iteration, or null before the first.</summary>
    public static double? LastInertia(GestureClusteringStatus s) => s.InertiaTrace.Count > 0 ? s.InertiaTrace[^1] : null;

    /// <summary>An inertia (or divergence) compactly: four significant digits, scientific when very large or small.</summary>
    public static string Number(double? value)
    {
        if (value is not { } v) return "—";
        if (!double.IsFinite(v)) return v.ToString(CultureInfo.InvariantCulture);
        var a = Math.Abs(v);
        if (a != 0 && (a >= 1e7 || a < 1e-3)) return v.ToString("0.###E+0", CultureInfo.InvariantCulture);
        return v.ToString(a >= 1000 ? "N1" : "0.####", CultureInfo.InvariantCulture);
    }

    /// <summary>The spec's corpora, comma-separated.</summary>
    public static string CorporaText(GestureClusteringStatus s) => s.Spec is { } spec ? string.Join(", ", spec.Corpora) : "—";

    /// <summary>How long the clustering ran (or has been running, at <paramref name="now"/>).</summary>
    public static string? Elapsed(GestureClusteringStatus s, DateTimeOffset now)
    {
        if (s.StartedAt is not { } start) return null;
        var elapsed = (s.FinishedAt ?? (s.IsRunning ? now : start)) - start;
        if (elapsed < TimeSpan.Zero) elapsed = TimeSpan.Zero;
        return elapsed.TotalHours >= 1 ? $"{(int)elapsed.TotalHours} h {elapsed.Minutes} min"
            : elapsed.TotalMinutes >= 1 ? $"{(int)elapsed.TotalMinutes} min {elapsed.Seconds} s"
            : $"{elapsed.TotalSeconds:0.0} s";
    }

    /// <summary>Whether the page should show that no clustering of that name exists.</summary>
    public static bool IsUnknown(GestureClusteringStatus s) => s.Stage == GestureClusteringStage.NotStarted && s.Spec is null;

    /// <summary>The <paramref name="count"/> most frequent phones of a cluster, most first (ties by name), as "AA 12".</summary>
    public static IReadOnlyList<string> TopPhones(IReadOnlyDictionary<string, int> byPhone, int count = 5) =>
        byPhone.Where(p => p.Value > 0)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(p => $"{p.Key} {p.Value}")
            .ToArray();

    /// <summary>The largest soft membership of a segment (how sure its assignment is), or null without any.</summary>
    public static double? MaxMembership(IReadOnlyList<double> memberships) =>
        memberships.Count > 0 ? memberships.Max() : null;

    /// <summary>The clustering list order: running ones first, then the most recently started, then by name.</summary>
    public static IReadOnlyList<GestureClusteringStatus> Ordered(IEnumerable<GestureClusteringStatus> statuses) =>
        statuses.OrderByDescending(s => s.IsRunning)
            .ThenByDescending(s => s.StartedAt ?? DateTimeOffset.MinValue)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToArray();
}

/// <summary>Addresses of the Gestures pages, with the path segments escaped.</summary>
public static class GestureLinks
{
    public const string List = "/gestures";

    public static string Clustering(string name) => $"{List}/{Uri.EscapeDataString(name)}";

    /// <summary>The utterance view, starting where the segment starts.</summary>
    public static string Segment(SegmentAssignment a) =>
        $"{Corpora.CorpusLinks.Utterance(a.Corpus, a.Utterance)}?t={Math.Max(0, a.Start).ToString("0.###", CultureInfo.InvariantCulture)}";
}
