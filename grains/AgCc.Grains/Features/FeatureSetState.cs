using AgCc.Core.Features;

namespace AgCc.Grains.Features;

// Stored as JSON with its type name: renaming this class or its namespace orphans stored state.
// Small by design: the features are blobs (FeatureArtifacts). No member has an initialiser other
// than its type's default (docs/orleans.md).
[GenerateSerializer]
public sealed class FeatureSetState
{
    [Id(0)] public FeatureSpec? Spec { get; set; }

    [Id(1)] public int Generation { get; set; }

    [Id(2)] public FeatureSetStage Stage { get; set; }

    /// <summary>The corpus's batch artifacts this generation extracts, in order (a re-ingestion changes them).</summary>
    [Id(3)] public List<string> CorpusBatches { get; set; } = [];

    [Id(4)] public int BatchesDone { get; set; }

    [Id(5)] public int Utterances { get; set; }

    [Id(6)] public long Frames { get; set; }

    [Id(7)] public double AudioSeconds { get; set; }

    [Id(8)] public double ExtractionSeconds { get; set; }

    /// <summary>Wall time of the extraction so far, summed over activations (a resume does not count the gap).</summary>
    [Id(9)] public TimeSpan Elapsed { get; set; }

    [Id(10)] public string? Device { get; set; }

    [Id(11)] public FeatureSetShape? Shape { get; set; }

    /// <summary>Running per-dimension sums for corpus-level normalisation (every plane's dimensions in turn).</summary>
    [Id(12)] public List<double> Sum { get; set; } = [];

    [Id(13)] public List<double> SumOfSquares { get; set; } = [];

    [Id(14)] public DateTimeOffset? StartedAt { get; set; }

    [Id(15)] public DateTimeOffset? FinishedAt { get; set; }

    [Id(16)] public string? Failure { get; set; }

    [Id(17)] public int Resumes { get; set; }

    /// <summary>Utterances left out, each with its reason (`utterance: problem`).</summary>
    [Id(18)] public List<string> Rejections { get; set; } = [];

    /// <summary>Time the loop waited on storage and audio reading (not hidden behind extraction).</summary>
    [Id(19)] public double WaitingSeconds { get; set; }
}
