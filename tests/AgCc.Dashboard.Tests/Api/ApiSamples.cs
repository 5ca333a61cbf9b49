using AgCc.Core.Experiments;
using AgCc.Core.Training.Config;

namespace AgCc.Dashboard.Tests.Api;

/// <summary>Config documents for the API tests: the CLI's own examples, written as the CLI reads them.</summary>
public static class ApiSamples
{
    public static RunConfig Run(long seed = 0, int epochs = 2) =>
        ExampleRunConfigs.SyntheticPair(TrainingMethod.Baseline, "/data/synth") with
        {
            Seed = seed,
            Training = ExampleRunConfigs.SyntheticPair(TrainingMethod.Baseline, "/data/synth").Training with { Epochs = epochs },
        };

    public static string RunJson(long seed = 0, int epochs = 2) => RunConfigJson.Write(Run(seed, epochs));

    public static ExperimentConfig Experiment(string name = "api-grid") =>
        ExampleExperimentConfigs.Demo("/data/synth", name) with { Seeds = [0], Methods = [TrainingMethod.Baseline] };

    public static string ExperimentJson(string name = "api-grid") => ExperimentConfigJson.Write(Experiment(name));
}
