using TorchSharp;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>A linear layer's weight and bias (torch's [out, in] layout).</summary>
internal sealed class Wav2Vec2Linear(Wav2Vec2WeightLoader weights, string prefix, int inFeatures, int outFeatures) : IDisposable
{
    private readonly Tensor weight = weights.Take(prefix + ".weight", outFeatures, inFeatures);
    private readonly Tensor bias = weights.Take(prefix + ".bias", outFeatures);

    public Tensor Forward(Tensor x) => nn.functional.linear(x, weight, bias);

    public void Dispose()
    {
        weight.Dispose();
        bias.Dispose();
    }
}
