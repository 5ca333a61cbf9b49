using AgCc.Core.Corpora;
using AgCc.Core.Synthesis;

namespace AgCc.Core.Training.Config;

/// <summary>Complete run configs for the built-in synthetic pair (`agcc synth --out DIR`), as `agcc train --print-example-config` prints them.</summary>
public static class ExampleRunConfigs
{
    /// <summary>
    /// A run on the synthetic pair sized to finish in about a minute on 2 cores: a small model, 10
    /// epochs at a 10× learning rate, windows of 200 frames. The paper's sizes are <see cref="RunConfig"/>'s defaults.
    /// </summary>
    public static RunConfig SyntheticPair(TrainingMethod method, string data) => new()
    {
        Method = method,
        Task = "4class",
        Seed = 0,
        Source = new CorpusReference("crema-d-synth", CorpusLayout.CremaD, Path.Combine(data, SyntheticCorpora.CremaDFolder)),
        Target = new CorpusReference("msp-improv-synth", CorpusLayout.MspImprov, Path.Combine(data, SyntheticCorpora.MspImprovFolder)),
        Gestures = new GestureConfig(FitSubsample: 2000),
        Model = new ModelConfig(Width: 64, Layers: 2, Heads: 4, FeedForward: 128, Dropout: 0.1, Hidden: [64, 32, 16]),
        Training = new OptimizationConfig(Epochs: 10, BatchSize: 64, LearningRate: 1e-3, Patience: 5, MaxFrames: 200, Threads: 2),
    };
}
