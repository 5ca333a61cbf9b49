using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Training.Checkpoints;

/// <summary>
/// The optimiser every training run uses: TorchSharp's Adam (PyTorch's semantics, amsgrad off:
/// the weight decay is an L2 term added to the gradient, not AdamW's decoupled decay), whose state
/// <see cref="TrainingCheckpoint"/> saves and restores bit-exactly.
/// </summary>
public static class TrainingOptimizer
{
    public const double Beta1 = 0.9;

    public const double Beta2 = 0.999;

    public const double Epsilon = 1e-8;

    /// <summary>Adam over all of <paramref name="model"/>'s parameters (frozen ones, with no gradient, are skipped by each step).</summary>
    /// <remarks>
    /// The betas and ε are passed explicitly: the <c>torch.optim.Adam</c> factory's default β2 has
    /// been 0.99 in some TorchSharp versions (the Adam constructor's, 0.999), and a silent change
    /// would change every run.
    /// </remarks>
    public static Adam Create(nn.Module model, double learningRate, double weightDecay)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        return new Adam(model.parameters().ToList(), learningRate, Beta1, Beta2, Epsilon, weightDecay, amsgrad: false, maximize: false);
    }
}
