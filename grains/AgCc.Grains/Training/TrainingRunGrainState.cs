namespace AgCc.Grains.Training;

// Stored as JSON with its type name: renaming this class or its namespace orphans stored state.
// Small by design: checkpoints and models are blobs (TrainingArtifacts). No member has an
// initialiser other than its type's default (docs/orleans.md).
[GenerateSerializer]
public sealed class TrainingRunGrainState
{
    /// <summary>The launched config (RunConfigJson, id set); null until launched.</summary>
    [Id(0)] public string? Config { get; set; }

    /// <summary>RunConfigJson.Hash of the config without its id: an equal launch is a no-op.</summary>
    [Id(1)] public string? ConfigHash { get; set; }

    [Id(2)] public TrainingRunState State { get; set; }

    [Id(3)] public int Epochs { get; set; }

    [Id(4)] public List<EpochMetricsRecord> History { get; set; } = [];

    [Id(5)] public TrainingRunResult? Result { get; set; }

    [Id(6)] public string? Failure { get; set; }

    [Id(7)] public string? Silo { get; set; }

    [Id(8)] public string? Device { get; set; }

    [Id(9)] public int Resumes { get; set; }

    [Id(10)] public DateTimeOffset? QueuedAt { get; set; }

    [Id(11)] public DateTimeOffset? StartedAt { get; set; }

    [Id(12)] public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Tags edited after launch (ITrainingRunGrain.SetTags); null: the config's. Not part of the config or its hash.</summary>
    [Id(13)] public string[]? Tags { get; set; }
}
