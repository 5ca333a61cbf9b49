using static TorchSharp.torch;
using TorchSharp.Modules;

namespace AgCc.Core.Torch.Training.Model;

/// <summary>
/// Batch-first multi-head self-attention computing what PyTorch's nn.MultiheadAttention does with
/// a key padding mask (packed in-projection xavier_uniform with zero bias, out_proj as nn.Linear
/// with zero bias; same state-dict names), but with its attention-weight dropout drawn from the
/// run's generator. Without dropout it runs the fused scaled_dot_product_attention, which then
/// draws no random numbers.
/// </summary>
internal sealed class SeededSelfAttention : nn.Module
{
    private readonly Parameter in_proj_weight;
    private readonly Parameter in_proj_bias;
    private readonly SeededLinear out_proj;
    private readonly long width;
    private readonly long heads;

    public SeededSelfAttention(long width, long heads, Generator generator) : base(nameof(SeededSelfAttention))
    {
        this.width = width;
        this.heads = heads;
        in_proj_weight = SeededInit.Uniform([3 * width, width], Math.Sqrt(6.0 / (width + 3 * width)), generator);
        in_proj_bias = SeededInit.Constant([3 * width], 0);
        out_proj = new SeededLinear(width, width, generator, zeroBias: true);
        register_parameter(nameof(in_proj_weight), in_proj_weight);
        register_parameter(nameof(in_proj_bias), in_proj_bias);
        register_module(nameof(out_proj), out_proj);
    }

    /// <param name="x">[B, T, W].</param>
    /// <param name="keyBias">[B, 1, 1, T] float: 0 at real frames, −∞ at padded ones.</param>
    /// <param name="dropout">Attention-weight dropout probability (0: none).</param>
    public Tensor Forward(Tensor x, Tensor keyBias, double dropout, Generator? generator)
    {
        using var scope = NewDisposeScope();
        var (batch, frames) = (x.shape[0], x.shape[1]);
        // [B, T, 3W] → [3, B, H, T, W/H]: q, k, v per head.
        var qkv = nn.functional.linear(x, in_proj_weight, in_proj_bias)
            .view(batch, frames, 3, heads, width / heads)
            .permute(2, 0, 3, 1, 4);
        var (q, k, v) = (qkv[0], qkv[1], qkv[2]);
        Tensor context;
        if (dropout <= 0)
        {
            context = nn.functional.scaled_dot_product_attention(q, k, v, keyBias);
        }
        else
        {
            // nn.MultiheadAttention's order: scale q, add the mask, softmax, dropout, weight v.
            var scores = (q * (1 / Math.Sqrt(width / heads))).matmul(k.transpose(-2, -1));
            scores.add_(keyBias);
            var weights = SeededDropout.Apply(scores.softmax(-1), dropout, generator);
            context = weights.matmul(v);
        }
        var merged = context.transpose(1, 2).reshape(batch, frames, width);
        return out_proj.Forward(merged).MoveToOuterDisposeScope();
    }
}
