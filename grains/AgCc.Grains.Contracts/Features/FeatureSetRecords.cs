namespace AgCc.Grains.Features;

public enum FeatureSetStage
{
    NotStarted,
    Extracting,
    Completed,
    Failed,
}

/// <summary>
/// Where a feature set stands. Counts grow batch by batch; <see cref="ExtractionSeconds"/> is the
/// time spent in the extractor alone, <see cref="WaitingSeconds"/> the time the loop waited on
/// audio reading and blob writes that extraction did not hide, <see cref="Elapsed"/> the wall time
/// of the extraction, so their ratios are the platform's overhead.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FeatureSetStatus(
    [property: Id(0)] string Corpus,
    [property: Id(1)] string Key,
    [property: Id(2)] FeatureSetStage Stage,
    [property: Id(3)] int Generation,
    [property: Id(4)] int Batches,
    [property: Id(5)] int BatchesDone,
    [property: Id(6)] int Utterances,
    [property: Id(7)] long Frames,
    [property: Id(8)] double AudioSeconds,
    [property: Id(9)] double ExtractionSeconds,
    [property: Id(20)] double WaitingSeconds,
    [property: Id(10)] TimeSpan Elapsed,
    [property: Id(11)] string? Device,
    [property: Id(12)] FeatureSetShape? Shape,
    [property: Id(13)] IReadOnlyList<string> Artifacts,
    [property: Id(14)] string? Statistics,
    [property: Id(15)] DateTimeOffset? StartedAt,
    [property: Id(16)] DateTimeOffset? FinishedAt,
    [property: Id(17)] string? Failure,
    [property: Id(18)] int Resumes,
    [property: Id(19)] IReadOnlyList<string> Rejections)
{
    public bool IsRunning => Stage == FeatureSetStage.Extracting;

    /// <summary>Seconds of audio per second of wall time so far.</summary>
    public double Throughput => Elapsed > TimeSpan.Zero ? AudioSeconds / Elapsed.TotalSeconds : 0;
}

/// <summary>Planes (hidden states kept) × dimensions per frame, and the frame rate and first frame centre in seconds.</summary>
[GenerateSerializer, Immutable]
public sealed record FeatureSetShape(
    [property: Id(0)] int Planes,
    [property: Id(1)] int Dimensions,
    [property: Id(2)] double FrameRate,
    [property: Id(3)] double FirstCentre);
