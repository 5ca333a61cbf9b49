using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Layouts;

namespace AgCc.Grains.Corpora;

// Stored as JSON with its type name: renaming this class or its namespace orphans stored state.
[GenerateSerializer]
public sealed class CorpusState
{
    [Id(0)] public bool IsRegistered { get; set; }
    [Id(1)] public CorpusLayout Layout { get; set; }
    [Id(2)] public string Path { get; set; } = "";
    [Id(3)] public DateTimeOffset RegisteredAt { get; set; }
    [Id(4)] public string? Landmarks { get; set; }
    [Id(5)] public string? Alignments { get; set; }
    [Id(6)] public IngestionRecord Ingestion { get; set; } = new();
    [Id(7)] public CremaDLabelSource CremaLabels { get; set; }
}

/// <summary>The durable progress of one ingestion: which batches are done and what they held.</summary>
[GenerateSerializer]
public sealed class IngestionRecord
{
    [Id(0)] public IngestionState State { get; set; }
    [Id(1)] public int Generation { get; set; }
    /// <summary>Hash of the listing and its files' sizes and times: unchanged means nothing to do.</summary>
    [Id(2)] public string Fingerprint { get; set; } = "";
    [Id(3)] public int Listed { get; set; }
    [Id(4)] public int BatchSize { get; set; }
    [Id(5)] public int BatchCount { get; set; }
    [Id(6)] public List<RejectedUtterance> ListingRejections { get; set; } = [];
    [Id(7)] public SortedDictionary<int, IngestedBatch> Batches { get; set; } = [];
    [Id(8)] public string? Failure { get; set; }
    [Id(9)] public DateTimeOffset? StartedAt { get; set; }
    [Id(10)] public DateTimeOffset? FinishedAt { get; set; }
}
