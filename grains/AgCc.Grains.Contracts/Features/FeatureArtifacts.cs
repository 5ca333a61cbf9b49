namespace AgCc.Grains.Features;

/// <summary>Where a feature set's blobs live: one folder per generation (a new one when the corpus was re-ingested).</summary>
public static class FeatureArtifacts
{
    public static string Batch(string corpus, string key, int generation, int batch) => $"features/{corpus}/{key}/g{generation}/{batch:D5}.bin";

    /// <summary>JSON: frames, per-dimension sum, sum of squares, mean and standard deviation (corpus-level normalisation).</summary>
    public static string Statistics(string corpus, string key, int generation) => $"features/{corpus}/{key}/g{generation}/statistics.json";
}
