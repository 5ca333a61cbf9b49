using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>
/// Multi-head self-attention as torchaudio's SelfAttention (batch-first): q, k, v projections,
/// softmax((q · d^-½) kᵀ + bias) v per head, output projection; the optional bias is torchaudio's
/// additive attention mask (−10000 at padded keys, <see cref="Wav2Vec2PaddingMask"/>). Parameters:
/// attention.{q,k,v,out}_proj.{weight,bias}.
/// </summary>
public sealed class Wav2Vec2SelfAttention : IDisposable
{
    private readonly Wav2Vec2Linear q, k, v, output;
    private readonly int heads;
    private readonly int headDim;
    private readonly double scaling;

    internal Wav2Vec2SelfAttention(Wav2Vec2Config config, Wav2Vec2WeightLoader weights, string prefix)
    {
        heads = config.Heads;
        headDim = config.EmbedDim / config.Heads;
        scaling = Math.Pow(headDim, -0.5);
        k = new Wav2Vec2Linear(weights, prefix + ".k_proj", config.EmbedDim, config.EmbedDim);
        v = new Wav2Vec2Linear(weights, prefix + ".v_proj", config.EmbedDim, config.EmbedDim);
        q = new Wav2Vec2Linear(weights, prefix + ".q_proj", config.EmbedDim, config.EmbedDim);
        output = new Wav2Vec2Linear(weights, prefix + ".out_proj", config.EmbedDim, config.EmbedDim);
    }

    /// <param name="x">[batch, frames, embed]</param>
    /// <param name="attentionBias">Added to the scores before the softmax, broadcast to [batch, heads, frames, frames]; null for none.</param>
    public Tensor Forward(Tensor x, Tensor? attentionBias = null)
    {
        using var scope = NewDisposeScope();
        var (batch, length, embed) = (x.shape[0], x.shape[1], x.shape[2]);
        long[] split = [batch, length, heads, headDim];
        var queries = q.Forward(x).view(split).transpose(1, 2); // B, H, L, D
        var keys = k.Forward(x).view(split).permute(0, 2, 3, 1); // B, H, D, L
        var values = v.Forward(x).view(split).transpose(1, 2); // B, H, L, D
        var scores = matmul(queries * scaling, keys); // B, H, L, L
        if (attentionBias is not null) scores = scores + attentionBias;
        scores = scores - scores.amax([-1], keepdim: true);
        var attended = matmul(nn.functional.softmax(scores, -1), values);
        var merged = attended.transpose(1, 2).reshape(batch, length, embed);
        return output.Forward(merged).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        q.Dispose();
        k.Dispose();
        v.Dispose();
        output.Dispose();
    }
}
