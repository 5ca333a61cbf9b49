using static TorchSharp.torch;
using TorchSharp.Modules;

namespace AgCc.Core.Torch.Training.Model;

/// <summary>LayerNorm over the last dimension (ε 1e-5, weight 1, bias 0), named as nn.LayerNorm's state dict.</summary>
internal sealed class SeededLayerNorm : nn.Module
{
    private const double Epsilon = 1e-5;
    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly long[] shape;

    public SeededLayerNorm(long features) : base(nameof(SeededLayerNorm))
    {
        shape = [features];
        weight = SeededInit.Constant(shape, 1);
        bias = SeededInit.Constant(shape, 0);
        register_parameter(nameof(weight), weight);
        register_parameter(nameof(bias), bias);
    }

    public Tensor Forward(Tensor x) => nn.functional.layer_norm(x, shape, weight, bias, Epsilon);
}
