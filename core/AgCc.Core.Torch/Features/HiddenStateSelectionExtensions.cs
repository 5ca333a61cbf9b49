using AgCc.Core.Features;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features;

public static class HiddenStateSelectionExtensions
{
    /// <summary>
    /// Applies the selection to a stack of hidden states [layers + 1, …] (as
    /// <see cref="Wav2Vec2.Wav2Vec2Model.HiddenStates"/> returns it): one state, their mean, or
    /// (weighted) the stack unchanged. The result is a new tensor in the current dispose scope.
    /// </summary>
    public static Tensor Apply(this HiddenStateSelection selection, Tensor hiddenStates)
    {
        var layers = (int)hiddenStates.shape[0] - 1;
        if (selection.Problem(layers) is { } problem) throw new ArgumentException(problem, nameof(hiddenStates));
        return selection switch
        {
            HiddenStateSelection.Final => hiddenStates[layers].clone(),
            HiddenStateSelection.Single s => hiddenStates[s.Layer].clone(),
            HiddenStateSelection.Average a => hiddenStates[TensorIndex.Slice(a.First, a.Last + 1)].mean([0]),
            _ => hiddenStates.alias(),
        };
    }
}
