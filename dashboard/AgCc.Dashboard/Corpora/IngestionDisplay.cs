using AgCc.Grains.Corpora;
using MudBlazor;

namespace AgCc.Dashboard.Corpora;

/// <summary>How the pages show an ingestion's state.</summary>
public static class IngestionDisplay
{
    /// <summary>Processed of listed, in percent; null while the listing is not known yet (an indeterminate bar).</summary>
    public static double? Percent(IngestionProgress p) =>
        p.Listed > 0 ? Math.Clamp(100.0 * p.Processed / p.Listed, 0, 100) : null;

    public static Color StateColor(IngestionState state) => state switch
    {
        IngestionState.Running => Color.Info,
        IngestionState.Completed => Color.Success,
        IngestionState.Failed => Color.Error,
        _ => Color.Default,
    };

    public static string StateText(IngestionState state) => state switch
    {
        IngestionState.NotStarted => "not ingested",
        IngestionState.Running => "running",
        IngestionState.Completed => "completed",
        IngestionState.Failed => "failed",
        _ => state.ToString(),
    };

    /// <summary>How long the ingestion ran (or has been running, at <paramref name="now"/>).</summary>
    public static string? Elapsed(IngestionProgress p, DateTimeOffset now)
    {
        if (p.StartedAt is not { } start) return null;
        var elapsed = (p.FinishedAt ?? now) - start;
        if (elapsed < TimeSpan.Zero) elapsed = TimeSpan.Zero;
        return elapsed.TotalMinutes >= 1 ? $"{(int)elapsed.TotalMinutes} min {elapsed.Seconds} s" : $"{elapsed.TotalSeconds:0.0} s";
    }

    /// <summary>How often a page polls: every second while an ingestion runs, else slowly to notice a new one.</summary>
    public static TimeSpan PollInterval(bool anyRunning) => anyRunning ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(5);
}

/// <summary>Addresses of the corpus pages and media, with the path segments escaped.</summary>
public static class CorpusLinks
{
    public static string Corpus(string name) => $"/corpora/{Uri.EscapeDataString(name)}";

    public static string Utterance(string corpus, string id) => $"{Corpus(corpus)}/utterances/{Uri.EscapeDataString(id)}";

    public static string Audio(string corpus, string id) => $"/media/corpora/{Uri.EscapeDataString(corpus)}/{Uri.EscapeDataString(id)}.wav";
}
