using TorchSharp;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>torch.nn.LayerNorm over the last dimension.</summary>
internal sealed class Wav2Vec2LayerNorm(Wav2Vec2WeightLoader weights, string prefix, int features, double eps) : IDisposable
{
    private readonly Tensor weight = weights.Take(prefix + ".weight", features);
    private readonly Tensor bias = weights.Take(prefix + ".bias", features);
    private readonly long[] shape = [features];

    public Tensor Forward(Tensor x) => nn.functional.layer_norm(x, shape, weight, bias, eps);

    public void Dispose()
    {
        weight.Dispose();
        bias.Dispose();
    }
}
