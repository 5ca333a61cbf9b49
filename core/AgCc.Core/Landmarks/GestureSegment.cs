namespace AgCc.Core.Landmarks;

/// <summary>
/// The mouth gesture of one phone (METHOD.md step 3): the phone's label and interval (seconds, as
/// the alignment has them) and the track resampled at the sample-rate grid points inside the
/// interval, <see cref="Frames"/> × 40 values, interleaved (x, y) per landmark 48–67.
/// </summary>
public sealed record GestureSegment(string Phone, double Start, double End, int Frames, float[] Values);
