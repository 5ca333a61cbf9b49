using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>
/// Feature projection: LayerNorm over the encoder's channels, then a linear layer to the embedding
/// (dropout is identity at inference). Parameters: encoder.feature_projection.layer_norm.* and
/// .projection.*. Input [batch, frames, channels]; output [batch, frames, embed].
/// </summary>
public sealed class Wav2Vec2FeatureProjection : IDisposable
{
    private readonly Wav2Vec2LayerNorm layerNorm;
    private readonly Wav2Vec2Linear projection;

    internal Wav2Vec2FeatureProjection(Wav2Vec2Config config, Wav2Vec2WeightLoader weights, string prefix = "encoder.feature_projection")
    {
        layerNorm = new Wav2Vec2LayerNorm(weights, prefix + ".layer_norm", config.ExtractorChannels, config.LayerNormEps);
        projection = new Wav2Vec2Linear(weights, prefix + ".projection", config.ExtractorChannels, config.EmbedDim);
    }

    public Tensor Forward(Tensor features)
    {
        using var scope = NewDisposeScope();
        return projection.Forward(layerNorm.Forward(features)).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        layerNorm.Dispose();
        projection.Dispose();
    }
}
