using static TorchSharp.torch;

namespace AgCc.Core.Torch.Training.Model;

/// <summary>
/// PyTorch's nn.TransformerEncoderLayer(norm_first = False, activation = relu, batch_first = True)
/// with the same state-dict names (self_attn, linear1, linear2, norm1, norm2), its four dropouts
/// (attention weights, after attention, inside the feed-forward block, after it) drawn from the
/// run's generator.
/// </summary>
internal sealed class SeededEncoderLayer : nn.Module
{
    private readonly SeededSelfAttention self_attn;
    private readonly SeededLinear linear1;
    private readonly SeededLinear linear2;
    private readonly SeededLayerNorm norm1;
    private readonly SeededLayerNorm norm2;

    public SeededEncoderLayer(long width, long heads, long feedForward, Generator generator) : base(nameof(SeededEncoderLayer))
    {
        // PyTorch's construction order: attention, linear1, linear2 (the norms draw nothing).
        self_attn = new SeededSelfAttention(width, heads, generator);
        linear1 = new SeededLinear(width, feedForward, generator);
        linear2 = new SeededLinear(feedForward, width, generator);
        norm1 = new SeededLayerNorm(width);
        norm2 = new SeededLayerNorm(width);
        register_module(nameof(self_attn), self_attn);
        register_module(nameof(linear1), linear1);
        register_module(nameof(linear2), linear2);
        register_module(nameof(norm1), norm1);
        register_module(nameof(norm2), norm2);
    }

    /// <param name="x">[B, T, W].</param>
    /// <param name="keyBias">[B, 1, 1, T]: 0 at real frames, −∞ at padded ones.</param>
    /// <param name="dropout">Dropout probability (0 in eval mode).</param>
    public Tensor Forward(Tensor x, Tensor keyBias, double dropout, Generator? generator)
    {
        using var scope = NewDisposeScope();
        var attended = SeededDropout.Apply(self_attn.Forward(x, keyBias, dropout, generator), dropout, generator);
        x = norm1.Forward(x + attended);
        var hidden = SeededDropout.Apply(nn.functional.relu(linear1.Forward(x)), dropout, generator);
        var fed = SeededDropout.Apply(linear2.Forward(hidden), dropout, generator);
        return norm2.Forward(x + fed).MoveToOuterDisposeScope();
    }
}
