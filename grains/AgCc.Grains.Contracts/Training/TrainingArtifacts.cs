namespace AgCc.Grains.Training;

/// <summary>A run's blobs (in the artifact container), scoped by run id: a resumed run finds them under the same names.</summary>
public static class TrainingArtifacts
{
    /// <summary>Everything the next step depends on (model, optimiser, RNGs, sampler position), replaced after every epoch.</summary>
    public static string Checkpoint(string runId) => $"runs/{runId}/checkpoint.bin";

    /// <summary>The best epoch's model parameters (TorchSharp's format).</summary>
    public static string BestModel(string runId) => $"runs/{runId}/best-model.bin";

    /// <summary>metrics.json as `agcc train` writes it (RunMetricsDocument).</summary>
    public static string Metrics(string runId) => $"runs/{runId}/metrics.json";
}
