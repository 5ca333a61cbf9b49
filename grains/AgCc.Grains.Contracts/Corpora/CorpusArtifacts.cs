namespace AgCc.Grains.Corpora;

/// <summary>Where a corpus's ingestion artifacts live; each generation of an ingestion has its own folder.</summary>
public static class CorpusArtifacts
{
    public static string Listing(string corpus, int generation) => $"corpora/{corpus}/g{generation}/listing.json";

    public static string Batch(string corpus, int generation, int batch) => $"corpora/{corpus}/g{generation}/batches/{batch:D5}.bin";
}
