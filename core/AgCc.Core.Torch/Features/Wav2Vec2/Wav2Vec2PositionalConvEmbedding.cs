using TorchSharp;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>
/// The convolutional relative positional embedding: a grouped conv1d (embed → embed, kernel K,
/// padding K/2) under weight normalisation over dim=2, i.e. weight = g · v / ‖v‖ where the norm is
/// taken over the output and input-channel dimensions separately for each kernel position (g has
/// shape [1, 1, K]; NOT one norm per output channel), then the last frame dropped when K is even,
/// then GELU. The weight is folded once at load time (inference only). Parameters:
/// encoder.transformer.pos_conv_embed.conv.{weight_g, weight_v, bias}.
/// Input and output [batch, frames, embed] (the caller adds it to its input).
/// </summary>
public sealed class Wav2Vec2PositionalConvEmbedding : IDisposable
{
    private readonly Tensor weight;
    private readonly Tensor bias;
    private readonly int kernel;
    private readonly int groups;

    internal Wav2Vec2PositionalConvEmbedding(Wav2Vec2Config config, Wav2Vec2WeightLoader weights, string prefix = "encoder.transformer.pos_conv_embed.conv")
    {
        kernel = config.PositionalConvKernel;
        groups = config.PositionalConvGroups;
        using (var g = weights.Take(prefix + ".weight_g", 1, 1, kernel))
        using (var v = weights.Take(prefix + ".weight_v", config.EmbedDim, config.EmbedDim / groups, kernel))
        using (var scope = NewDisposeScope())
        {
            var norm = v.pow(2).sum([0, 1], keepdim: true).sqrt();
            weight = (g * v / norm).DetachFromDisposeScope();
        }
        bias = weights.Take(prefix + ".bias", config.EmbedDim);
    }

    public Tensor Forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = nn.functional.conv1d(x.transpose(1, 2), weight, bias, padding: kernel / 2, groups: groups);
        if (kernel % 2 == 0) y = y[.., .., ..^1];
        return nn.functional.gelu(y).transpose(1, 2).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        weight.Dispose();
        bias.Dispose();
    }
}
