using AgCc.Core.Features;
using AgCc.Core.Training.Config;

namespace AgCc.Core.Experiments;

/// <summary>Complete experiment configs for the built-in synthetic pair (`agcc synth --out DIR`).</summary>
public static class ExampleExperimentConfigs
{
    /// <summary>
    /// The demo grid (`./agcc demo`): all four methods, both directions, 4class and arousal, three
    /// seeds, 48 runs sized to finish in minutes on 2 cores. Every method gets the same settings:
    /// the synthetic example run's model and gesture clustering, corpus-level mean/variance
    /// normalisation of the log-mel features (the corpora differ in channel), and short training
    /// (12 epochs of batch 32 over 1-second windows at a 30× learning rate).
    /// </summary>
    public static ExperimentConfig Demo(string data, string name = "demo")
    {
        var run = ExampleRunConfigs.SyntheticPair(TrainingMethod.Baseline, data);
        return new ExperimentConfig
        {
            Name = name,
            Corpora = [run.Source, run.Target],
            Methods = [TrainingMethod.Baseline, TrainingMethod.PaCc, TrainingMethod.LaCc, TrainingMethod.AgCc],
            Tasks = ["4class", "arousal"],
            Seeds = [0, 1, 2],
            Features = FeatureSpec.LogMel with { Normalization = FeatureNormalization.Corpus },
            Gestures = run.Gestures,
            Model = run.Model,
            Anchor = run.Anchor,
            Training = new OptimizationConfig(Epochs: 12, BatchSize: 32, LearningRate: 3e-3, Patience: 5, DevSpeakers: 0.2, MaxFrames: 100, Threads: 2),
        };
    }
}
