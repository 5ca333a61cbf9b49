namespace AgCc.Core.Training.Data;

/// <summary>
/// An utterance as a run trains on it: its features (planes × frames × dimensions, plane-major,
/// already normalised as the feature spec asks), its class in the run's task (-1 when the task
/// leaves its emotion out, or for target utterances, whose labels training never reads) and its
/// anchor segments.
/// </summary>
public sealed record TrainingUtterance(string Id, string Speaker, int Label, int Frames, float[] Features, TrainingSegment[] Segments);

/// <summary>
/// A phone segment that can take part in triplets: its frames [FirstFrame, EndFrame), its anchor
/// (the AG cluster for AG-CC, the phone for PA-CC) and its weight (p(c | s) for AG-CC, 1 for PA-CC).
/// </summary>
public readonly record struct TrainingSegment(int FirstFrame, int EndFrame, int Anchor, double Weight);

/// <summary>One corpus's utterances for a run; <see cref="Labels"/> holds the evaluation labels (-1: not in the task).</summary>
public sealed record TrainingCorpus(string Name, IReadOnlyList<TrainingUtterance> Utterances, int[] Labels);

/// <summary>
/// Everything a run trains and evaluates on. Target utterances carry Label −1 for training; their
/// true classes sit apart in the target's <see cref="TrainingCorpus.Labels"/>, read only for evaluation.
/// </summary>
/// <param name="Anchors">The anchor ids' names (cluster numbers or phones); empty for methods without triplets.</param>
/// <param name="CommonAnchors">Per anchor id: whether both corpora have segments of it (only those give triplet anchors).</param>
public sealed record TrainingData(
    TrainingCorpus Source,
    TrainingCorpus Target,
    int Planes,
    int Dimensions,
    IReadOnlyList<string> Classes,
    IReadOnlyList<string> Anchors,
    bool[] CommonAnchors);
