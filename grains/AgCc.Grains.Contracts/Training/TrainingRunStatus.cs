namespace AgCc.Grains.Training;

/// <summary>
/// Where a training run stands. <see cref="History"/> grows by one record per epoch;
/// <see cref="Result"/> is set once completed, <see cref="Failure"/> once failed (a sentence
/// saying what to fix). <see cref="Silo"/> and <see cref="Device"/> are where its trainer runs
/// now; <see cref="Resumes"/> counts trainers that continued from a checkpoint. <see cref="Tags"/>
/// are the effective tags: edited ones (<see cref="ITrainingRunGrain.SetTags"/>) or else the config's.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TrainingRunStatus(
    [property: Id(0)] string Id,
    [property: Id(1)] TrainingRunState State,
    [property: Id(2)] string? Config,
    [property: Id(3)] string? Failure,
    [property: Id(4)] int Epoch,
    [property: Id(5)] int Epochs,
    [property: Id(6)] IReadOnlyList<EpochMetricsRecord> History,
    [property: Id(7)] TrainingRunResult? Result,
    [property: Id(8)] string? Silo,
    [property: Id(9)] string? Device,
    [property: Id(10)] int Resumes,
    [property: Id(11)] DateTimeOffset? QueuedAt,
    [property: Id(12)] DateTimeOffset? StartedAt,
    [property: Id(13)] DateTimeOffset? FinishedAt,
    [property: Id(14)] string[]? Tags = null)
{
    public bool IsActive => State.IsActive();

    /// <summary>A run id that was never launched.</summary>
    public bool Exists => Config is not null;
}
