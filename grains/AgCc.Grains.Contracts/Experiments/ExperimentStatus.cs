using AgCc.Core.Experiments.Results;

namespace AgCc.Grains.Experiments;

/// <summary>An experiment's stages: preparing (shared artifacts) → running (its runs) → completed | failed | cancelled.</summary>
public enum ExperimentStage
{
    /// <summary>Ingesting the corpora, extracting their features, fitting the gesture clustering.</summary>
    Preparing,

    /// <summary>Launching runs as slots free up and following them.</summary>
    Running,

    /// <summary>Every run ended (some may have failed or been cancelled: see the runs).</summary>
    Completed,

    /// <summary>The shared preparation failed: <see cref="ExperimentStatus.Failure"/> says what to fix.</summary>
    Failed,

    Cancelled,
}

public static class ExperimentStages
{
    public static bool IsActive(this ExperimentStage stage) => stage is ExperimentStage.Preparing or ExperimentStage.Running;

    public static string ToName(this ExperimentStage stage) => stage.ToString().ToLowerInvariant();
}

/// <summary>
/// Where an experiment stands: its stage, what preparation is doing (<see cref="Activity"/>), and
/// every run of the grid as last seen (in the grid's order: seed, task, direction, method).
/// </summary>
/// <param name="Clustering">The gesture clustering its AG-CC runs share (dashboard: /gestures/NAME).</param>
[GenerateSerializer, Immutable]
public sealed record ExperimentStatus(
    [property: Id(0)] string Name,
    [property: Id(1)] ExperimentStage Stage,
    [property: Id(2)] string? Config,
    [property: Id(3)] string? Activity,
    [property: Id(4)] string? Failure,
    [property: Id(5)] IReadOnlyList<ExperimentRunOutcome> Runs,
    [property: Id(6)] string? Clustering,
    [property: Id(7)] DateTimeOffset? StartedAt,
    [property: Id(8)] DateTimeOffset? FinishedAt)
{
    public bool IsActive => Stage.IsActive();

    /// <summary>A name that was never started.</summary>
    public bool Exists => Config is not null;

    public int Ended => Runs.Count(r => r.HasEnded);
}
