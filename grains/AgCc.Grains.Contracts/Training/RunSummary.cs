using AgCc.Core.Training.Config;

namespace AgCc.Grains.Training;

/// <summary>
/// One row of the run index (<see cref="IRunIndexGrain"/>): what the Runs page lists, sorts and
/// filters on, written by the run after every change of its state. Positional (docs/orleans.md);
/// an array, not IReadOnlyList, for the tags: it sits in grain state.
/// </summary>
/// <param name="Tags">The effective tags: edited ones (<see cref="ITrainingRunGrain.SetTags"/>) or else the config's.</param>
/// <param name="Epoch">The last finished epoch (0 before the first).</param>
/// <param name="BestDevelopmentUar">The best source-development UAR of any finished epoch.</param>
/// <param name="TargetUar">The result's target UAR (the best development epoch's model), once completed.</param>
[GenerateSerializer, Immutable]
public sealed record RunSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] TrainingRunState State,
    [property: Id(2)] string Method,
    [property: Id(3)] string Task,
    [property: Id(4)] string Source,
    [property: Id(5)] string Target,
    [property: Id(6)] string[] Tags,
    [property: Id(7)] int Epoch,
    [property: Id(8)] int Epochs,
    [property: Id(9)] double? BestDevelopmentUar,
    [property: Id(10)] double? TargetUar,
    [property: Id(11)] DateTimeOffset? QueuedAt,
    [property: Id(12)] DateTimeOffset? StartedAt,
    [property: Id(13)] DateTimeOffset? FinishedAt)
{
    public bool IsActive => State.IsActive();

    /// <summary>From start to finish, or to <paramref name="now"/> while it runs; null before it started.</summary>
    public TimeSpan? Duration(DateTimeOffset now) =>
        StartedAt is { } started ? (FinishedAt ?? (IsActive ? now : started)) - started : null;

    /// <summary>Equal field by field, the tags by content (a record's own equality compares arrays by reference).</summary>
    public bool SameAs(RunSummary? other) =>
        other is not null && this with { Tags = [] } == other with { Tags = [] } && Tags.SequenceEqual(other.Tags, StringComparer.Ordinal);

    /// <summary>The summary of a run's status (the config gives method, task and corpora); null for a run never launched.</summary>
    public static RunSummary? From(TrainingRunStatus status)
    {
        if (!status.Exists) return null;
        RunConfig? config = null;
        try
        {
            config = RunConfigJson.Parse(status.Config!, $"run '{status.Id}'");
        }
        catch (Exception e) when (e is ConfigException or FormatException or System.Text.Json.JsonException)
        {
            // A stored config always parses; should one not, the row still lists the run.
        }
        var tags = status.Tags ?? [.. config?.Tags ?? []];
        var development = status.History.Where(h => double.IsFinite(h.DevelopmentUar)).Select(h => (double?)h.DevelopmentUar).Max();
        return new RunSummary(
            status.Id, status.State, config?.Method.ToName() ?? "", config?.Task ?? "", config?.Source.Name ?? "", config?.Target.Name ?? "",
            tags, status.Epoch, status.Epochs, development, status.Result?.Uar, status.QueuedAt, status.StartedAt, status.FinishedAt);
    }
}
