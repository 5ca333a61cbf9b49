
namespace AgCc.Core.Experiments.Results;

/// <summary>
/// Where one run of the grid stands, as the experiment last saw it. <see cref="State"/> is the
/// run's state name (`queued`, `preparing`, `training`, `evaluating`, `completed`, `failed`,
/// `cancelled`), or `pending` before the experiment launched it.
/// </summary>
public sealed record ExperimentRunOutcome(
    ExperimentCell Cell,
    long Seed,
    string RunId,
    string State,
    int Epoch,
    int Epochs,
    RunScores? Scores,
    string? Failure)
{
    public const string Pending = "pending";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>The run will not change any more.</summary>
    public bool HasEnded => State is Completed or Failed or Cancelled;
}

/// <summary>A completed run's scores on the target (fractions in [0, 1]); recalls in <see cref="Classes"/>' order.</summary>
public sealed record RunScores(
    double Uar,
    double WeightedAccuracy,
    double MacroF1,
    string[] Classes,
    double[] PerClassRecall);
