namespace AgCc.Core.Landmarks;

/// <summary>
/// Decimals of the columns the writer has values for. The defaults are OpenFace 2.x's own
/// (RecorderCSV.cpp: timestamp 3, confidence 2, 2-D landmarks 1); more landmark decimals keep
/// sub-pixel synthetic geometry through a round trip.
/// </summary>
public sealed record OpenFaceCsvWriterOptions
{
    public static OpenFaceCsvWriterOptions OpenFace { get; } = new();

    public int TimestampDecimals { get; init; } = 3;

    public int ConfidenceDecimals { get; init; } = 2;

    public int LandmarkDecimals { get; init; } = 1;
}
