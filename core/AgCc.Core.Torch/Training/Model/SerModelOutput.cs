using static TorchSharp.torch;

namespace AgCc.Core.Torch.Training.Model;

/// <summary>What one <see cref="SerModel.Forward"/> returns, all in the caller's dispose scope.</summary>
/// <param name="Logits">[B, classes], before softmax.</param>
/// <param name="Frames">[B, T, W]: the last encoder layer's output (phone-segment embeddings are taken from it).</param>
/// <param name="Pooled">[B, W]: <paramref name="Frames"/> mean-pooled over each item's real frames.</param>
/// <param name="LayerPooled">Per encoder layer its output mean-pooled the same way ([B, W] each; the last is <paramref name="Pooled"/>), for Deep CORAL; empty unless asked.</param>
public sealed record SerModelOutput(Tensor Logits, Tensor Frames, Tensor Pooled, IReadOnlyList<Tensor> LayerPooled);
