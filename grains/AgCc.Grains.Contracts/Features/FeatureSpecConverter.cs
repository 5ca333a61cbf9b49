using AgCc.Core.Features;

namespace AgCc.Grains.Features;

// core/ knows nothing of Orleans: the feature spec crosses the wire through this surrogate.

[GenerateSerializer]
public struct FeatureSpecSurrogate
{
    [Id(0)] public FeatureExtractorKind Extractor;
    [Id(1)] public string? Checkpoint;
    [Id(2)] public string? Layer;
    [Id(3)] public FeatureNormalization Normalization;
}

[RegisterConverter]
public sealed class FeatureSpecConverter : IConverter<FeatureSpec, FeatureSpecSurrogate>
{
    public FeatureSpec ConvertFromSurrogate(in FeatureSpecSurrogate s) => new(s.Extractor, s.Checkpoint, s.Layer, s.Normalization);

    public FeatureSpecSurrogate ConvertToSurrogate(in FeatureSpec spec) =>
        new() { Extractor = spec.Extractor, Checkpoint = spec.Checkpoint, Layer = spec.Layer, Normalization = spec.Normalization };
}
