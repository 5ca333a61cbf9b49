using AgCc.Core.Training.Config;
using AgCc.Grains.Corpora;
using AgCc.Grains.Gestures;
using AgCc.Grains.Training;

namespace AgCc.Client.Api;

// The records the HTTP API (/api/v1, docs/http-api.md) answers with beyond the contracts' own
// (RunSummary, TrainingRunStatus, ExperimentStatus, CorpusInfo, ClusterStatus, ...): the .NET client
// returns the same ones (AgCcClient.Api.cs), so the two cannot drift.

/// <summary>A corpus with its ingestion and counts, and every utterance its ingestion rejected or excluded (with reasons).</summary>
public sealed record CorpusDetail(CorpusSummary Summary, IReadOnlyList<RejectedUtterance> Rejections);

/// <summary>A gesture clustering's progress and, once completed, its result (inertia, centres, per-cluster statistics).</summary>
public sealed record GestureClusteringDetail(GestureClusteringStatus Status, GestureClusteringResult? Result);

/// <summary>
/// What a launch did: <paramref name="Created"/> is true for the one launch that created the run
/// (201 over HTTP), false when the run already existed under this id with an equal config (200).
/// </summary>
public sealed record RunLaunch(string Id, bool Created, TrainingRunStatus Status);

/// <summary>What starting an experiment did (see <see cref="RunLaunch"/>).</summary>
public sealed record ExperimentLaunch(string Name, bool Created, Grains.Experiments.ExperimentStatus Status);

/// <summary>
/// The built-in synthetic corpus pair written where the cluster can read it (`POST
/// /api/v1/demo/corpora`): references to put in a run or experiment config as source and target.
/// </summary>
public sealed record DemoCorpora(string Path, CorpusReference Source, CorpusReference Target);

/// <summary>One problem of a request, naming the field at fault (`training.epochs`; empty for the body as a whole) and, for JSON errors, the line.</summary>
public sealed record ApiFieldProblem(string Field, string Message, int? Line = null);

/// <summary>The names of the server-sent events of `/api/v1/runs/{id}/events` and `/api/v1/experiments/{name}/events`.</summary>
public static class ApiEvents
{
    /// <summary>The run's or experiment's summary, whenever it changes (data: <see cref="RunSummary"/> or ExperimentStatus).</summary>
    public const string Status = "status";

    /// <summary>One finished epoch of a run, each once, in order (data: <see cref="EpochMetricsRecord"/>).</summary>
    public const string Epoch = "epoch";

    /// <summary>The last event: the run or experiment reached a terminal state (data as for <see cref="Status"/>).</summary>
    public const string End = "end";
}
