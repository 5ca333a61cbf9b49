using AgCc.Core.Experiments.Analysis;
using AgCc.Core.Experiments.Results;

namespace AgCc.Grains.Experiments;

// Stored as JSON with its type name: renaming this class or its namespace orphans stored state.
// The runs' outcomes are small (scores, no curves: those stay in the runs). No member has an
// initialiser other than its type's default (docs/orleans.md).
[GenerateSerializer]
public sealed class ExperimentGrainState
{
    /// <summary>The started config (ExperimentConfigJson); null until started.</summary>
    [Id(0)] public string? Config { get; set; }

    /// <summary>ExperimentConfigJson.Hash: an equal start is a no-op.</summary>
    [Id(1)] public string? ConfigHash { get; set; }

    [Id(2)] public ExperimentStage Stage { get; set; }

    [Id(3)] public string? Activity { get; set; }

    [Id(4)] public string? Failure { get; set; }

    /// <summary>Every run of the grid, in the grid's order.</summary>
    [Id(5)] public List<ExperimentRunOutcome> Runs { get; set; } = [];

    [Id(6)] public string? Clustering { get; set; }

    [Id(7)] public List<AnchorAgreement> Analysis { get; set; } = [];

    [Id(8)] public DateTimeOffset? StartedAt { get; set; }

    [Id(9)] public DateTimeOffset? FinishedAt { get; set; }
}
