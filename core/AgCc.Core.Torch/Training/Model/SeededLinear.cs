using static TorchSharp.torch;
using TorchSharp.Modules;

namespace AgCc.Core.Torch.Training.Model;

/// <summary>
/// y = x Wᵀ + b with PyTorch's nn.Linear initialisation (weight and bias U(±1/√in)) drawn from the
/// run's generator; parameter names weight and bias, as nn.Linear's state dict has them.
/// </summary>
internal sealed class SeededLinear : nn.Module
{
    private readonly Parameter weight;
    private readonly Parameter bias;

    /// <param name="zeroBias">MultiheadAttention's out_proj: weight as nn.Linear, bias 0.</param>
    public SeededLinear(long inFeatures, long outFeatures, Generator generator, bool zeroBias = false) : base(nameof(SeededLinear))
    {
        var bound = 1 / Math.Sqrt(inFeatures);
        weight = SeededInit.Uniform([outFeatures, inFeatures], bound, generator);
        bias = zeroBias ? SeededInit.Constant([outFeatures], 0) : SeededInit.Uniform([outFeatures], bound, generator);
        register_parameter(nameof(weight), weight);
        register_parameter(nameof(bias), bias);
    }

    public Parameter Weight => weight;

    public Tensor Forward(Tensor x) => nn.functional.linear(x, weight, bias);
}
