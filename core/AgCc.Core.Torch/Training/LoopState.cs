using System.Text.Json;
using AgCc.Core.Training.Results;

namespace AgCc.Core.Torch.Training;

/// <summary>
/// Where a run's loop stands, beyond the tensors: the next (epoch, step), the current epoch's
/// running sums, early stopping's bookkeeping, the history, and the best model so far (its
/// parameters, so a resumed run ends with the same chosen model as one that never stopped).
/// </summary>
internal sealed record LoopState(
    int Epoch,
    int Step,
    EpochSums Sums,
    double BestDevelopmentUar, // -1 before the first epoch: every UAR beats it
    int BestEpoch,
    int EpochsWithoutImprovement,
    IReadOnlyList<EpochMetrics> History,
    bool Stopped)
{
    public static LoopState Start { get; } = new(0, 0, new EpochSums(0, 0, 0, 0, 0, 0, 0), -1, -1, 0, [], false);

    /// <summary>The state as bytes: [json length][json][best model] (the model bytes are the module's own save format).</summary>
    public byte[] Write(byte[]? bestModel)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(this);
        var content = new byte[4 + json.Length + (bestModel?.Length ?? 0)];
        BitConverter.TryWriteBytes(content.AsSpan(0, 4), json.Length);
        json.CopyTo(content, 4);
        bestModel?.CopyTo(content, 4 + json.Length);
        return content;
    }

    public static (LoopState State, byte[]? BestModel) Read(ReadOnlySpan<byte> content, string name)
    {
        if (content.Length < 4) throw new InvalidDataException($"{name}: the loop state is truncated");
        var length = BitConverter.ToInt32(content[..4]);
        if (length < 0 || 4 + length > content.Length) throw new InvalidDataException($"{name}: the loop state's length {length} does not fit its {content.Length} bytes");
        var state = JsonSerializer.Deserialize<LoopState>(content.Slice(4, length)) ?? throw new InvalidDataException($"{name}: the loop state is null");
        var rest = content[(4 + length)..];
        return (state, rest.IsEmpty ? null : rest.ToArray());
    }
}

/// <summary>The running sums of an epoch's steps (means are taken at its end).</summary>
internal sealed record EpochSums(int Steps, double Loss, double EmotionLoss, double AnchorLoss, long ValidTriplets, long ActiveTriplets, double Seconds)
{
    public EpochSums Add(StepLosses step, double seconds) => new(
        Steps + 1, Loss + step.Loss, EmotionLoss + step.EmotionLoss, AnchorLoss + step.AnchorLoss,
        ValidTriplets + step.ValidTriplets, ActiveTriplets + step.ActiveTriplets, Seconds + seconds);
}

/// <summary>One step's losses as plain numbers (the tensors die with the step's dispose scope).</summary>
public readonly record struct StepLosses(double Loss, double EmotionLoss, double AnchorLoss, long ValidTriplets, long ActiveTriplets);
