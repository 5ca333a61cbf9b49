using AgCc.Core.Training.Config;
using AgCc.Core.Training.Data;

namespace AgCc.Core.Torch.Training.Offline;

/// <summary>
/// Everything `agcc train` does before the loop, without a cluster: ingest both corpora, extract
/// their features, fit the gesture clustering for AG-CC, and assemble the run's data. Each step's
/// result is cached in the working folder.
/// </summary>
public static class OfflineTraining
{
    public static TrainingData Prepare(RunConfig config, WorkingFolder work, Action<string> log, CancellationToken cancellationToken = default)
    {
        var source = OfflineCorpus.Load(config.Source, work, log, cancellationToken);
        var target = OfflineCorpus.Load(config.Target, work, log, cancellationToken);
        var sourceFeatures = OfflineFeatures.Load(source, config.Features, work, log, cancellationToken);
        var targetFeatures = OfflineFeatures.Load(target, config.Features, work, log, cancellationToken);
        var gestures = config.Method == TrainingMethod.AgCc
            ? OfflineGestures.Fit(config.Gestures, [source, target], work, log, cancellationToken)
            : null;
        return TrainingDataBuilder.Build(config, sourceFeatures, targetFeatures, gestures);
    }
}
