using TorchSharp;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>
/// The convolutional feature encoder (torchaudio's FeatureExtractor, HF's Wav2Vec2FeatureEncoder):
/// per layer conv1d (stride, no padding) → norm → GELU. "base" (group norm): a GroupNorm with one
/// group per channel (normalising each channel over time) after the first convolution only;
/// "large" (layer norm): a LayerNorm over channels after every convolution. Parameters:
/// feature_extractor.conv_layers.N.conv.{weight,bias} and .layer_norm.{weight,bias}.
/// Input [batch, samples]; output [batch, frames, channels].
/// </summary>
public sealed class Wav2Vec2FeatureEncoder : IDisposable
{
    private readonly Wav2Vec2Config config;
    private readonly Tensor[] convWeights;
    private readonly Tensor?[] convBiases;
    private readonly (Tensor Weight, Tensor Bias)?[] norms;

    internal Wav2Vec2FeatureEncoder(Wav2Vec2Config config, Wav2Vec2WeightLoader weights, string prefix = "feature_extractor")
    {
        this.config = config;
        var count = config.ConvLayers.Count;
        convWeights = new Tensor[count];
        convBiases = new Tensor?[count];
        norms = new (Tensor, Tensor)?[count];
        var inChannels = 1;
        for (var i = 0; i < count; i++)
        {
            var layer = config.ConvLayers[i];
            var name = $"{prefix}.conv_layers.{i}";
            convWeights[i] = weights.Take($"{name}.conv.weight", layer.Channels, inChannels, layer.Kernel);
            convBiases[i] = config.ConvBias ? weights.Take($"{name}.conv.bias", layer.Channels) : null;
            if (config.ExtractorMode == Wav2Vec2ExtractorMode.LayerNorm || i == 0)
                norms[i] = (weights.Take($"{name}.layer_norm.weight", layer.Channels), weights.Take($"{name}.layer_norm.bias", layer.Channels));
            inChannels = layer.Channels;
        }
    }

    public Tensor Forward(Tensor waveforms)
    {
        using var scope = NewDisposeScope();
        var x = waveforms.unsqueeze(1); // batch × 1 × samples
        for (var i = 0; i < convWeights.Length; i++)
        {
            var layer = config.ConvLayers[i];
            x = nn.functional.conv1d(x, convWeights[i], convBiases[i], stride: layer.Stride);
            if (norms[i] is var (weight, bias))
            {
                x = config.ExtractorMode == Wav2Vec2ExtractorMode.GroupNorm
                    ? nn.functional.group_norm(x, layer.Channels, weight, bias, config.LayerNormEps)
                    : nn.functional.layer_norm(x.transpose(1, 2), [layer.Channels], weight, bias, config.LayerNormEps).transpose(1, 2);
            }
            x = nn.functional.gelu(x);
        }
        return x.transpose(1, 2).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        foreach (var t in convWeights) t.Dispose();
        foreach (var t in convBiases) t?.Dispose();
        foreach (var n in norms)
            if (n is var (weight, bias))
            {
                weight.Dispose();
                bias.Dispose();
            }
    }
}
