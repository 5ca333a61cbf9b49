namespace AgCc.Core.Features;

/// <summary>How a feature set's tensors are shaped: planes (hidden states kept; 1 unless a stack for a weighted sum) × frames × dimensions, and where frames sit in time.</summary>
public sealed record FeatureLayout(int Planes, int Dimensions, FrameTiming Timing)
{
    public int ValuesPerFrame => Planes * Dimensions;
}

/// <summary>A phone of the alignment and the frames [FirstFrame, EndFrame) it covers at the extractor's frame rate.</summary>
public readonly record struct PhoneFrames(string Phone, double Start, double End, int FirstFrame, int EndFrame);

/// <summary>
/// One utterance's features: <see cref="Values"/> holds planes × frames × dimensions floats,
/// plane-major (each plane frames × dimensions, row-major), unnormalised for corpus-level
/// normalisation (the set's statistics apply on reading); with its phones' frame ranges.
/// </summary>
public sealed record UtteranceFeatures(string Utterance, int Frames, float[] Values, IReadOnlyList<PhoneFrames> Phones);
