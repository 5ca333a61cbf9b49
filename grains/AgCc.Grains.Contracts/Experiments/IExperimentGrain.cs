using AgCc.Core.Experiments.Analysis;

namespace AgCc.Grains.Experiments;

/// <summary>
/// An experiment grid (key: its name): prepares what its runs share (both corpora ingested, their
/// features, one gesture clustering over both), launches its TrainingRuns a few at a time (as many
/// as the cluster has training slots) and follows them to the end. The status carries every run's
/// outcome; the results table is <c>ExperimentAggregation.Table</c> of them, at any time.
/// </summary>
public interface IExperimentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the experiment an ExperimentConfig JSON document describes and returns at once.
    /// Idempotent: starting again with an equal config returns the current status (an ended
    /// experiment keeps its runs; a failed one resumes); another config under the same name is
    /// refused. An invalid document, or one whose name differs from the key, throws
    /// <see cref="ArgumentException"/> listing every problem.
    /// </summary>
    Task<ExperimentStatus> Start(string configJson);

    Task<ExperimentStatus> GetStatus();

    /// <summary>Per task, how the AG clusters and the phones agree across the corpora; empty until the clustering is fitted (or when no AG-CC run needs one).</summary>
    Task<IReadOnlyList<AnchorAgreement>> GetAnalysis();

    /// <summary>Cancels the runs that have not ended and ends the experiment; completed runs stay.</summary>
    Task Cancel();

    /// <summary>
    /// Pushes the experiment's status to <paramref name="watcher"/> after every change. A
    /// subscription lapses after <see cref="Training.RunWatching.Lapse"/> (the runs' own) unless
    /// renewed by calling this again (a watcher whose client went away is forgotten).
    /// </summary>
    Task Watch(IExperimentWatcher watcher);

    Task Unwatch(IExperimentWatcher watcher);
}
