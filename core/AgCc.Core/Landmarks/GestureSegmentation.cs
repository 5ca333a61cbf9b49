namespace AgCc.Core.Landmarks;

/// <summary>
/// The kept segments in alignment order, and how many phones were dropped and why: too few
/// resampled frames, an interval touching a gap of the track, or an interval not inside the
/// track's time span.
/// </summary>
public sealed record GestureSegmentation(
    IReadOnlyList<GestureSegment> Segments, int DroppedTooShort, int DroppedAtGap, int DroppedOutsideTrack);
