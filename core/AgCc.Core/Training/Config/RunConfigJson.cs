using AgCc.Core.Corpora.Labels;

namespace AgCc.Core.Training.Config;

/// <summary>Reads and writes <see cref="RunConfig"/> documents (<see cref="DocumentJson"/>'s JSON).</summary>
public static class RunConfigJson
{
    /// <summary>Parses and validates a document; throws <see cref="ConfigException"/> naming <paramref name="file"/> and every problem.</summary>
    public static RunConfig Parse(string json, string file, LabelMaps? labels = null) =>
        DocumentJson.Parse<RunConfig>(json, file, config => config.Problems(labels));

    public static RunConfig Load(string path, LabelMaps? labels = null) => Parse(DocumentJson.ReadFile(path), path, labels);

    /// <summary>The document, indented, every field written (nulls left out).</summary>
    public static string Write(RunConfig config) => DocumentJson.Write(config);

    /// <summary>A hex SHA-256 of the compact document: equal configs hash equal.</summary>
    public static string Hash(RunConfig config) => DocumentJson.Hash(config);
}
