using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>
/// The transformer (torchaudio's Transformer, HF's Wav2Vec2Encoder / Wav2Vec2EncoderStableLayerNorm):
/// x + positional convolution, then
/// post-LN ("base"): the encoder layer norm (encoder.transformer.layer_norm), then the layers;
/// pre-LN ("large"): the layers, then the same layer norm as a final norm.
/// <see cref="HiddenStates"/> follows Hugging Face's output_hidden_states: [0] is the first layer's
/// input (x + pos, after the encoder layer norm for post-LN, without any norm for pre-LN) and [N]
/// the output of layer N, except that for pre-LN HF's last state is after the final layer norm
/// (pass finalLayerNorm: false for torchaudio's extract_features, which returns layer N's raw output).
/// </summary>
public sealed class Wav2Vec2Encoder : IDisposable
{
    private readonly bool layerNormFirst;
    private readonly Wav2Vec2PositionalConvEmbedding positional;
    private readonly Wav2Vec2LayerNorm layerNorm;
    private readonly Wav2Vec2EncoderLayer[] layers;

    internal Wav2Vec2Encoder(Wav2Vec2Config config, Wav2Vec2WeightLoader weights, string prefix = "encoder.transformer")
    {
        layerNormFirst = config.LayerNormFirst;
        positional = new Wav2Vec2PositionalConvEmbedding(config, weights, prefix + ".pos_conv_embed.conv");
        layerNorm = new Wav2Vec2LayerNorm(weights, prefix + ".layer_norm", config.EmbedDim, config.LayerNormEps);
        layers = new Wav2Vec2EncoderLayer[config.Layers];
        for (var i = 0; i < layers.Length; i++) layers[i] = new Wav2Vec2EncoderLayer(config, weights, $"{prefix}.layers.{i}");
    }

    public int Layers => layers.Length;

    /// <summary>The layers' input: x + positional embedding, then the encoder layer norm for post-LN.</summary>
    public Tensor Input(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = x + positional.Forward(x);
        if (!layerNormFirst) y = layerNorm.Forward(y);
        return y.MoveToOuterDisposeScope();
    }

    /// <summary>[layers + 1, batch, frames, embed]; see the class summary for what each index holds.</summary>
    /// <param name="x">The feature projection's output, [batch, frames, embed].</param>
    /// <param name="finalLayerNorm">Pre-LN only: apply the final layer norm to the last state (HF) or not (torchaudio).</param>
    /// <param name="attentionBias">The padding mask as an additive attention bias (<see cref="Wav2Vec2PaddingMask"/>), or null.</param>
    public Tensor HiddenStates(Tensor x, bool finalLayerNorm = true, Tensor? attentionBias = null)
    {
        using var scope = NewDisposeScope();
        var states = new Tensor[layers.Length + 1];
        states[0] = Input(x);
        for (var i = 0; i < layers.Length; i++) states[i + 1] = layers[i].Forward(states[i], attentionBias);
        if (layerNormFirst && finalLayerNorm) states[^1] = layerNorm.Forward(states[^1]);
        return stack(states).MoveToOuterDisposeScope();
    }

    /// <summary>The encoder's output, [batch, frames, embed] (torchaudio's Transformer.forward, HF's last_hidden_state).</summary>
    /// <param name="attentionBias">The padding mask as an additive attention bias (<see cref="Wav2Vec2PaddingMask"/>), or null.</param>
    public Tensor Forward(Tensor x, Tensor? attentionBias = null)
    {
        using var scope = NewDisposeScope();
        var y = Input(x);
        foreach (var layer in layers) y = layer.Forward(y, attentionBias);
        if (layerNormFirst) y = layerNorm.Forward(y);
        return y.MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        positional.Dispose();
        layerNorm.Dispose();
        foreach (var layer in layers) layer.Dispose();
    }
}
