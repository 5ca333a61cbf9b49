using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Training.Model;

/// <summary>
/// PyTorch's default initialisations drawn from a run's own generator: TorchSharp's modules and
/// most of its nn.init draw from the process-wide generator, which concurrent runs in one silo
/// share (docs/PITFALLS.md). Parameters are detached from any dispose scope: their module owns them.
/// </summary>
internal static class SeededInit
{
    /// <summary>U(−bound, bound): Linear's kaiming_uniform(a = √5) weight and its bias are U(±1/√fan_in), xavier_uniform is U(±√(6/(fan_in + fan_out))).</summary>
    public static Parameter Uniform(long[] shape, double bound, Generator generator)
    {
        using var noGrad = no_grad();
        var values = empty(shape, ScalarType.Float32);
        values.uniform_(-bound, bound, generator);
        return Own(values);
    }

    public static Parameter Constant(long[] shape, float value)
    {
        using var noGrad = no_grad();
        return Own(full(shape, value, ScalarType.Float32));
    }

    private static Parameter Own(Tensor values)
    {
        // The parameter takes over the handle (and the place in a caller's scope, which it then leaves).
        var parameter = new Parameter(values, requires_grad: true);
        parameter.DetachFromDisposeScope();
        return parameter;
    }
}
