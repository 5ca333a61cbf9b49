using TorchSharp;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>
/// Hands a state dict's tensors (torchaudio names) to the model's components as they are built:
/// each component takes what it needs by name and expected shape, getting a copy in the model's
/// dtype on the model's device (owned by the component). Missing or misshapen parameters get a
/// zero placeholder so that building goes on; <see cref="ThrowIfProblems"/> then names every
/// missing, misshapen and unexpected (never taken) parameter at once. A dry loader (no state)
/// only records what is asked for, handing out empty tensors (first dimension 0).
/// </summary>
internal sealed class Wav2Vec2WeightLoader(IReadOnlyDictionary<string, Tensor>? state, Device device, ScalarType dtype)
{
    private readonly HashSet<string> taken = [];
    private readonly List<(string Name, long[] Shape)> requested = [];
    private readonly List<string> missing = [];
    private readonly List<string> misshapen = [];

    public Device Device { get; } = device;

    public ScalarType DType { get; } = dtype;

    /// <summary>Every parameter asked for so far, in order, with its expected shape.</summary>
    public IReadOnlyList<(string Name, long[] Shape)> Requested => requested;

    public Tensor Take(string name, params long[] shape)
    {
        if (!taken.Add(name)) throw new InvalidOperationException($"{name} is taken twice");
        requested.Add((name, shape));
        if (state is null) return empty([0, .. shape[1..]], DType, Device).DetachFromDisposeScope();
        if (!state.TryGetValue(name, out var source))
        {
            missing.Add(name);
            return zeros(shape, DType, Device).DetachFromDisposeScope();
        }
        if (!source.shape.SequenceEqual(shape))
        {
            misshapen.Add($"{name}: expected [{string.Join(", ", shape)}], got [{string.Join(", ", source.shape)}]");
            return zeros(shape, DType, Device).DetachFromDisposeScope();
        }
        using var scope = NewDisposeScope();
        var copy = source.detach().to(DType, Device).clone();
        return copy.DetachFromDisposeScope();
    }

    public void ThrowIfProblems()
    {
        if (state is null) return;
        var unexpected = state.Keys.Where(k => !taken.Contains(k)).Order(StringComparer.Ordinal).ToArray();
        if (missing.Count == 0 && unexpected.Length == 0 && misshapen.Count == 0) return;
        var parts = new List<string>();
        if (missing.Count > 0) parts.Add($"missing parameters: {string.Join(", ", missing)}");
        if (unexpected.Length > 0) parts.Add($"unexpected parameters: {string.Join(", ", unexpected)}");
        if (misshapen.Count > 0) parts.Add($"parameters of the wrong shape: {string.Join("; ", misshapen)}");
        throw new Wav2Vec2WeightsException("the state dict does not fit the wav2vec 2.0 configuration: " + string.Join("; ", parts), missing.ToArray(), unexpected, misshapen.ToArray());
    }
}
