using static TorchSharp.torch;

namespace AgCc.Core.Torch.Training.Losses;

/// <summary>
/// One step's soft triplet loss and the triplets behind it, for the per-step log: a loss that stays
/// at 0 with few valid triplets means the batch mined nothing, not that the spaces are aligned.
/// </summary>
/// <param name="Loss">The scalar loss, in the caller's dispose scope, connected to the embeddings' graph.</param>
/// <param name="ValidTriplets">Triplets mined in the batch (anchor, positive, negative), whatever their weight.</param>
/// <param name="ActiveTriplets">Valid triplets whose hinge is above 0 (the ones that give a gradient).</param>
public sealed record TripletLossResult(Tensor Loss, long ValidTriplets, long ActiveTriplets);
