namespace AgCc.Core.Training.Config;

/// <summary>
/// The SER model of METHOD.md step 6: input projection → transformer encoder over frames → masked
/// mean pooling → fully connected head → classes. Sizes are METHOD.md's open defaults, sized so a
/// CPU training step stays near a second at batch 64 × 300 frames (docs/training.md).
/// </summary>
/// <param name="Width">d_model of the encoder (and the input projection's output).</param>
/// <param name="Layers">Transformer encoder layers.</param>
/// <param name="Heads">Attention heads (Width must divide by it).</param>
/// <param name="FeedForward">Width of each encoder layer's feed-forward block.</param>
/// <param name="Dropout">Dropout in the encoder and between the head's layers.</param>
/// <param name="Hidden">Widths of the head's hidden layers; with the output layer they make METHOD.md's 4 fully connected layers.</param>
/// <param name="PositionalEncoding">Add sinusoidal positions to the projected frames.</param>
public sealed record ModelConfig(
    int Width = 256,
    int Layers = 2,
    int Heads = 4,
    int FeedForward = 1024,
    double Dropout = 0.1,
    IReadOnlyList<int>? Hidden = null,
    bool PositionalEncoding = true)
{
    public static IReadOnlyList<int> DefaultHidden { get; } = [256, 128, 64];

    /// <summary>The head's hidden widths (<see cref="DefaultHidden"/> when not given).</summary>
    public IReadOnlyList<int> HiddenWidths() => Hidden ?? DefaultHidden;

    /// <summary>Every problem, each naming its field under <paramref name="prefix"/>; empty when valid.</summary>
    public IReadOnlyList<string> Problems(string prefix = "model")
    {
        var problems = new List<string>();
        if (Width < 1) problems.Add($"{prefix}.width: must be at least 1 (got {Width})");
        if (Layers < 1) problems.Add($"{prefix}.layers: must be at least 1 (got {Layers})");
        if (Heads < 1) problems.Add($"{prefix}.heads: must be at least 1 (got {Heads})");
        else if (Width >= 1 && Width % Heads != 0) problems.Add($"{prefix}.heads: width {Width} must divide by heads (got {Heads})");
        if (FeedForward < 1) problems.Add($"{prefix}.feedForward: must be at least 1 (got {FeedForward})");
        if (!(Dropout >= 0 && Dropout < 1)) problems.Add($"{prefix}.dropout: must be in [0, 1) (got {Dropout})");
        var hidden = HiddenWidths();
        for (var i = 0; i < hidden.Count; i++)
            if (hidden[i] < 1) problems.Add($"{prefix}.hidden[{i}]: must be at least 1 (got {hidden[i]})");
        return problems;
    }
}
