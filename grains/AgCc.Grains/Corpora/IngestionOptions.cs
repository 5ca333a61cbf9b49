namespace AgCc.Grains.Corpora;

/// <summary>How ingestion divides its work (configuration section `AgCc:Ingestion`).</summary>
public sealed class IngestionOptions
{
    public const string Section = "AgCc:Ingestion";

    /// <summary>Utterances per batch artifact: large enough to amortise a blob write, small enough for one grain call.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Batches in flight at once across the cluster.</summary>
    public int ParallelBatches { get; set; } = 4;

    /// <summary>Attempts per batch before the ingestion is marked failed.</summary>
    public int Attempts { get; set; } = 3;
}
