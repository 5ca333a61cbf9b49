using TorchSharp;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>
/// One transformer layer (torchaudio's EncoderLayer, HF's Wav2Vec2EncoderLayer /
/// Wav2Vec2EncoderLayerStableLayerNorm), dropout being identity at inference.
/// Post-LN ("base"): x = LN(x + attention(x)); x = finalLN(x + FFN(x)).
/// Pre-LN ("large"): x = x + attention(LN(x)); x = x + FFN(finalLN(x)).
/// FFN: intermediate_dense → GELU → output_dense. Parameters under encoder.transformer.layers.N:
/// attention.*, layer_norm.*, feed_forward.{intermediate_dense,output_dense}.*, final_layer_norm.*.
/// </summary>
public sealed class Wav2Vec2EncoderLayer : IDisposable
{
    private readonly bool layerNormFirst;
    private readonly Wav2Vec2SelfAttention attention;
    private readonly Wav2Vec2LayerNorm layerNorm;
    private readonly Wav2Vec2Linear intermediate;
    private readonly Wav2Vec2Linear output;
    private readonly Wav2Vec2LayerNorm finalLayerNorm;

    internal Wav2Vec2EncoderLayer(Wav2Vec2Config config, Wav2Vec2WeightLoader weights, string prefix)
    {
        layerNormFirst = config.LayerNormFirst;
        attention = new Wav2Vec2SelfAttention(config, weights, prefix + ".attention");
        layerNorm = new Wav2Vec2LayerNorm(weights, prefix + ".layer_norm", config.EmbedDim, config.LayerNormEps);
        intermediate = new Wav2Vec2Linear(weights, prefix + ".feed_forward.intermediate_dense", config.EmbedDim, config.FeedForwardDim);
        output = new Wav2Vec2Linear(weights, prefix + ".feed_forward.output_dense", config.FeedForwardDim, config.EmbedDim);
        finalLayerNorm = new Wav2Vec2LayerNorm(weights, prefix + ".final_layer_norm", config.EmbedDim, config.LayerNormEps);
    }

    private Tensor FeedForward(Tensor x) => output.Forward(nn.functional.gelu(intermediate.Forward(x)));

    /// <param name="x">[batch, frames, embed]</param>
    /// <param name="attentionBias">The padding mask as an additive attention bias (<see cref="Wav2Vec2PaddingMask"/>), or null.</param>
    public Tensor Forward(Tensor x, Tensor? attentionBias = null)
    {
        using var scope = NewDisposeScope();
        Tensor y;
        if (layerNormFirst)
        {
            y = x + attention.Forward(layerNorm.Forward(x), attentionBias);
            y = y + FeedForward(finalLayerNorm.Forward(y));
        }
        else
        {
            y = layerNorm.Forward(x + attention.Forward(x, attentionBias));
            y = finalLayerNorm.Forward(y + FeedForward(y));
        }
        return y.MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        attention.Dispose();
        layerNorm.Dispose();
        intermediate.Dispose();
        output.Dispose();
        finalLayerNorm.Dispose();
    }
}
