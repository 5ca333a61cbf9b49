using static TorchSharp.torch;

namespace AgCc.Core.Torch.Training.Model;

/// <summary>
/// Inverted dropout whose mask comes from the run's generator: TorchSharp's dropout (and the
/// dropout inside its transformer layers) draws from the process-wide one (docs/PITFALLS.md).
/// </summary>
internal static class SeededDropout
{
    /// <summary><paramref name="x"/> with each element kept with probability 1 − p and scaled by 1/(1 − p); <paramref name="x"/> itself when p is 0.</summary>
    public static Tensor Apply(Tensor x, double p, Generator? generator)
    {
        if (p <= 0) return x;
        ArgumentNullException.ThrowIfNull(generator);
        using var scope = NewDisposeScope();
        // ge_ keeps the float dtype: the mask is 0/1, scaled in place, then one multiply for autograd.
        var keep = rand(x.shape, x.dtype, x.device, generator: generator).ge_(p).div_(1 - p);
        return (x * keep).MoveToOuterDisposeScope();
    }
}
