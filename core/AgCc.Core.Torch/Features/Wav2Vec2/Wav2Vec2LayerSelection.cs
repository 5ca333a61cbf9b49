using System.Globalization;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>
/// Which hidden states feed the downstream model, indexed as Hugging Face's output_hidden_states
/// (0 = the transformer's input, N = layer N's output): one layer, the mean of a range, or all of
/// them for a weighted sum whose weights the downstream model learns (SUPERB style).
/// </summary>
public abstract record Wav2Vec2LayerSelection
{
    public sealed record Single(int Layer) : Wav2Vec2LayerSelection;

    /// <summary>The mean of layers First..Last, both included.</summary>
    public sealed record Average(int First, int Last) : Wav2Vec2LayerSelection;

    /// <summary>Every hidden state, stacked; the weights are learned downstream.</summary>
    public sealed record WeightedSum : Wav2Vec2LayerSelection;

    /// <summary>A name for blobs and configs: "6", "3-8" or "weighted"; <see cref="Parse"/> reads it back.</summary>
    public string Key => this switch
    {
        Single s => s.Layer.ToString(CultureInfo.InvariantCulture),
        Average a => FormattableString.Invariant($"{a.First}-{a.Last}"),
        _ => "weighted",
    };

    public static Wav2Vec2LayerSelection Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "weighted") return new WeightedSum();
        var parts = text.Split('-');
        if (parts.Length == 1 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var layer)) return new Single(layer);
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
            return new Average(first, last);
        throw new FormatException($"layer selection \"{text}\": expected a layer (6), a range (3-8) or \"weighted\"");
    }

    /// <summary>Why this selection does not fit a model of <paramref name="layers"/> transformer layers, or null.</summary>
    public string? Problem(int layers) => this switch
    {
        Single s when s.Layer < 0 || s.Layer > layers => $"layer {s.Layer}: the model has hidden states 0..{layers}",
        Average a when a.First < 0 || a.Last > layers || a.First > a.Last => $"layers {a.First}-{a.Last}: need 0 ≤ first ≤ last ≤ {layers}",
        _ => null,
    };

    /// <summary>
    /// Applies the selection to <see cref="Wav2Vec2Model.HiddenStates"/>' output [layers + 1, …]:
    /// one state, their mean, or (weighted) the stack unchanged.
    /// </summary>
    public Tensor Apply(Tensor hiddenStates)
    {
        var layers = (int)hiddenStates.shape[0] - 1;
        if (Problem(layers) is { } problem) throw new ArgumentException(problem, nameof(hiddenStates));
        return this switch
        {
            Single s => hiddenStates[s.Layer].clone(),
            Average a => hiddenStates[TensorIndex.Slice(a.First, a.Last + 1)].mean([0]),
            _ => hiddenStates.alias(),
        };
    }
}
