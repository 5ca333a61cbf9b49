namespace AgCc.Core.Landmarks;

/// <summary>How <see cref="OpenFaceCsvReader"/> gates, fills and normalises a landmark stream.</summary>
public sealed record OpenFaceReadOptions
{
    public static OpenFaceReadOptions Default { get; } = new();

    /// <summary>Frames with a lower <c>confidence</c> are gaps (METHOD.md: 0.8).</summary>
    public double ConfidenceThreshold { get; init; } = 0.8;

    /// <summary>Gaps of at most this many frames are interpolated; longer ones cut (METHOD.md: 3).</summary>
    public int MaxInterpolatedGap { get; init; } = 3;

    public LandmarkNormalization Normalization { get; init; } = LandmarkNormalization.Auto;

    /// <summary>
    /// The <c>face_id</c> to read; null picks the face with the most frames that pass the gate
    /// (ties: the lowest id).
    /// </summary>
    public int? FaceId { get; init; }
}
