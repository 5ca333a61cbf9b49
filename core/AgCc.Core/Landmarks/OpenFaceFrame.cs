namespace AgCc.Core.Landmarks;

/// <summary>
/// One row for <see cref="OpenFaceCsvWriter"/>: frame number (from 1), timestamp in seconds, tracking
/// confidence and success, and the 68 2-D landmarks in pixels (<see cref="X"/>[i], <see cref="Y"/>[i] =
/// OpenFace's <c>x_i</c>, <c>y_i</c>).
/// </summary>
public sealed record OpenFaceFrame(int Frame, double Timestamp, double Confidence, bool Success, float[] X, float[] Y);
