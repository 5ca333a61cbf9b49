namespace AgCc.Core.Training.Config;

/// <summary>
/// The training protocol of METHOD.md ("Training and evaluation protocol"): Adam, batch, epochs,
/// early stopping on a speaker-independent source development split.
/// </summary>
/// <param name="DevSpeakers">The share of the source's speakers held out as its development split (at least one speaker).</param>
/// <param name="MaxFrames">Longer utterances are cut to a window of this many frames in training (its place drawn from the seed); 0 keeps them whole. Evaluation always sees whole utterances.</param>
/// <param name="Threads">torch's intra-op threads (0: leave the process's setting). Results are bit-identical only at the same thread count.</param>
/// <param name="EvaluateTarget">Evaluate the target every epoch (a curve for the dashboard; never used for model selection).</param>
public sealed record OptimizationConfig(
    int Epochs = 70,
    int BatchSize = 64,
    double LearningRate = 1e-4,
    double WeightDecay = 1e-3,
    int Patience = 10,
    double DevSpeakers = 0.1,
    int MaxFrames = 0,
    int Threads = 0,
    bool EvaluateTarget = true)
{
    public IReadOnlyList<string> Problems(string prefix = "training")
    {
        var problems = new List<string>();
        if (Epochs < 1) problems.Add($"{prefix}.epochs: must be at least 1 (got {Epochs})");
        if (BatchSize < 2) problems.Add($"{prefix}.batchSize: must be at least 2 (got {BatchSize})");
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) problems.Add($"{prefix}.learningRate: must be a positive number (got {LearningRate})");
        if (!(WeightDecay >= 0) || !double.IsFinite(WeightDecay)) problems.Add($"{prefix}.weightDecay: must be ≥ 0 (got {WeightDecay})");
        if (Patience < 1) problems.Add($"{prefix}.patience: must be at least 1 (got {Patience})");
        if (!(DevSpeakers > 0 && DevSpeakers < 1)) problems.Add($"{prefix}.devSpeakers: must be between 0 and 1, exclusive (got {DevSpeakers})");
        if (MaxFrames < 0) problems.Add($"{prefix}.maxFrames: must be ≥ 0 (got {MaxFrames})");
        if (Threads < 0) problems.Add($"{prefix}.threads: must be ≥ 0 (got {Threads})");
        return problems;
    }
}
