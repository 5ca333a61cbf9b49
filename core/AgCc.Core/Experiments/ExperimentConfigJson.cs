using AgCc.Core.Corpora.Labels;
using AgCc.Core.Training.Config;

namespace AgCc.Core.Experiments;

/// <summary>Reads and writes <see cref="ExperimentConfig"/> documents (the same JSON as run configs: <see cref="DocumentJson"/>).</summary>
public static class ExperimentConfigJson
{
    /// <summary>Parses and validates a document; throws <see cref="ConfigException"/> naming <paramref name="file"/> and every problem.</summary>
    public static ExperimentConfig Parse(string json, string file, LabelMaps? labels = null) =>
        DocumentJson.Parse<ExperimentConfig>(json, file, config => config.Problems(labels));

    public static ExperimentConfig Load(string path, LabelMaps? labels = null) => Parse(DocumentJson.ReadFile(path), path, labels);

    public static string Write(ExperimentConfig config) => DocumentJson.Write(config);

    public static string Hash(ExperimentConfig config) => DocumentJson.Hash(config);
}
