using System.Globalization;

namespace AgCc.Core.Features;

/// <summary>
/// Which hidden states of a layered feature extractor (wav2vec 2.0) feed the downstream model,
/// indexed as Hugging Face's output_hidden_states (0 = the transformer's input, N = layer N's
/// output): the last one, one layer, the mean of a range, or all of them for a weighted sum whose
/// weights the downstream model learns (SUPERB style).
/// </summary>
public abstract record HiddenStateSelection
{
    /// <summary>The last hidden state (Hugging Face's last_hidden_state).</summary>
    public sealed record Final : HiddenStateSelection;

    public sealed record Single(int Layer) : HiddenStateSelection;

    /// <summary>The mean of layers First..Last, both included.</summary>
    public sealed record Average(int First, int Last) : HiddenStateSelection;

    /// <summary>Every hidden state, stacked; the weights are learned downstream.</summary>
    public sealed record WeightedSum : HiddenStateSelection;

    /// <summary>A name for blobs and configs: "last", "6", "3-8" or "weighted"; <see cref="Parse"/> reads it back.</summary>
    public string Key => this switch
    {
        Final => "last",
        Single s => s.Layer.ToString(CultureInfo.InvariantCulture),
        Average a => FormattableString.Invariant($"{a.First}-{a.Last}"),
        _ => "weighted",
    };

    public static HiddenStateSelection Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "weighted") return new WeightedSum();
        if (text == "last") return new Final();
        var parts = text.Split('-');
        if (parts.Length == 1 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var layer)) return new Single(layer);
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
            return new Average(first, last);
        throw new FormatException($"layer selection \"{text}\": expected a layer (6), a range (3-8), \"last\" or \"weighted\"");
    }

    /// <summary>Why the text is not a selection, or null.</summary>
    public static string? FormatProblem(string text)
    {
        try
        {
            Parse(text);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    /// <summary>Why this selection does not fit a model of <paramref name="layers"/> transformer layers, or null.</summary>
    public string? Problem(int layers) => this switch
    {
        Single s when s.Layer < 0 || s.Layer > layers => $"layer {s.Layer}: the model has hidden states 0..{layers}",
        Average a when a.First < 0 || a.Last > layers || a.First > a.Last => $"layers {a.First}-{a.Last}: need 0 ≤ first ≤ last ≤ {layers}",
        _ => null,
    };

    /// <summary>How many feature planes the selection keeps of <paramref name="layers"/> + 1 hidden states (the stack for a weighted sum, else one).</summary>
    public int Planes(int layers) => this is WeightedSum ? layers + 1 : 1;
}
