using static TorchSharp.torch;

namespace AgCc.Core.Torch.Training.Losses;

/// <summary>
/// Deep CORAL (Sun &amp; Saenko 2016), the LA-CC anchor loss of METHOD.md: ‖C_S − C_T‖²_F / (4d²)
/// between the unbiased covariances of a batch's source and target features.
/// </summary>
/// <remarks>
/// Several layers are one group, as METHOD.md's default ("all encoder layers as one group") reads:
/// each item's features of the selected layers are concatenated along d, so one covariance also
/// couples the layers and d is the summed width (not a mean of per-layer losses). The covariance
/// is taken centred, (X − 1μ)ᵀ(X − 1μ)/(n − 1): the same as the paper's
/// (XᵀX − (1ᵀX)ᵀ(1ᵀX)/n)/(n − 1), without its cancellation in float32 when features have a large mean.
/// </remarks>
public static class DeepCoralLoss
{
    /// <summary>The loss between source [n_s, d] and target [n_t, d] features (n_s, n_t ≥ 2), a new tensor in the caller's dispose scope.</summary>
    public static Tensor Forward(Tensor source, Tensor target)
    {
        Check(source, nameof(source));
        Check(target, nameof(target));
        if (source.shape[1] != target.shape[1])
            throw new ArgumentException($"source has {source.shape[1]} features, target {target.shape[1]}", nameof(target));
        using var scope = NewDisposeScope();
        double d = source.shape[1];
        var difference = Covariance(source) - Covariance(target);
        return (difference.square().sum() / (4 * d * d)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The loss over several layers as one group: per layer source [n_s, d_l] and target [n_t, d_l]
    /// features (the same items in every layer), concatenated along d before one covariance each.
    /// </summary>
    public static Tensor Forward(IReadOnlyList<(Tensor Source, Tensor Target)> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0) throw new ArgumentException("no layer selected", nameof(layers));
        if (layers.Count == 1) return Forward(layers[0].Source, layers[0].Target);
        using var scope = NewDisposeScope();
        var source = cat([.. layers.Select(l => l.Source)], 1);
        var target = cat([.. layers.Select(l => l.Target)], 1);
        return Forward(source, target).MoveToOuterDisposeScope();
    }

    /// <summary>Unbiased covariance [d, d] of the rows of <paramref name="x"/> [n, d].</summary>
    private static Tensor Covariance(Tensor x)
    {
        var centred = x - x.mean([0], keepdim: true);
        return centred.t().mm(centred) / (x.shape[0] - 1);
    }

    private static void Check(Tensor features, string name)
    {
        if (features.dim() != 2) throw new ArgumentException($"{name} must be [n, d], not [{string.Join(", ", features.shape)}]", name);
        if (!features.is_floating_point()) throw new ArgumentException($"{name} must be floating point, not {features.dtype}", name);
        if (features.shape[0] < 2) throw new ArgumentException($"{name} has {features.shape[0]} item(s); an unbiased covariance needs at least 2", name);
    }
}
