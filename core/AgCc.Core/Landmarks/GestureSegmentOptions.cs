namespace AgCc.Core.Landmarks;

/// <summary>How <see cref="GestureSegmenter"/> resamples and which segments it keeps.</summary>
public sealed record GestureSegmentOptions
{
    public static GestureSegmentOptions Default { get; } = new();

    /// <summary>Resampling rate in Hz (METHOD.md: 100).</summary>
    public double SampleRate { get; init; } = 100;

    /// <summary>Segments with fewer resampled frames are dropped (METHOD.md: 3).</summary>
    public int MinFrames { get; init; } = 3;
}
