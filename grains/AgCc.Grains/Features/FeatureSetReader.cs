using System.Runtime.CompilerServices;
using AgCc.Artifacts;
using AgCc.Core.Features;

namespace AgCc.Grains.Features;

/// <summary>
/// Reads a completed feature set's utterances batch by batch (one blob read per batch), applying
/// corpus-level normalisation with the set's statistics when its spec asks for it: what training
/// reads, so every run sees the same features.
/// </summary>
public static class FeatureSetReader
{
    public static async IAsyncEnumerable<UtteranceFeatures> ReadAsync(
        IArtifactStore artifacts, FeatureSetStatus set, FeatureNormalization normalization, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (set.Stage != FeatureSetStage.Completed) throw new InvalidOperationException($"feature set {set.Corpus}/{set.Key} is {set.Stage.ToString().ToLowerInvariant()}, not completed");
        FeatureStatistics? statistics = null;
        if (normalization == FeatureNormalization.Corpus)
        {
            var name = set.Statistics!;
            statistics = FeatureStatisticsDocument.Read(await artifacts.ReadAsync(name, cancellationToken) ?? throw new InvalidOperationException($"{name} is missing"), name);
        }
        foreach (var blob in set.Artifacts)
        {
            var content = await artifacts.ReadAsync(blob, cancellationToken) ?? throw new InvalidOperationException($"{blob} is missing");
            var (layout, utterances) = await Task.Run(() => FeatureBatchFormat.Read(content, blob), cancellationToken);
            foreach (var utterance in utterances)
            {
                statistics?.Normalize(utterance, layout);
                yield return utterance;
            }
        }
    }
}
