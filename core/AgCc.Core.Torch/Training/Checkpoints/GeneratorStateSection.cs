using static TorchSharp.torch;

namespace AgCc.Core.Torch.Training.Checkpoints;

/// <summary>
/// The "generator" section: the raw bytes of a torch.Generator's state (<c>get_state()</c>, a
/// uint8 tensor; 5,056 bytes for libtorch's CPU Mersenne Twister), so that the run's dropout masks
/// after a resume are the ones an uninterrupted run would have drawn.
/// </summary>
internal static class GeneratorStateSection
{
    public const string Name = "generator";

    public static byte[] Write(Generator generator)
    {
        using var scope = NewDisposeScope();
        return generator.get_state().cpu().contiguous().bytes.ToArray();
    }

    /// <summary>Checks the saved state against <paramref name="generator"/>'s kind (by its state's size); returns the copy to run once every section has been checked.</summary>
    /// <exception cref="InvalidDataException">The sizes differ (another kind of generator, e.g. CUDA's); the message names the checkpoint.</exception>
    public static Action Prepare(ReadOnlyMemory<byte> payload, string checkpointName, Generator generator)
    {
        long expected;
        using (var current = generator.get_state()) expected = current.numel();
        if (payload.Length != expected)
            throw CheckpointContainer.Error(checkpointName, $"section '{Name}' holds a {payload.Length}-byte generator state; the {generator.device.type} generator to restore has {expected} bytes");
        var bytes = payload.ToArray();
        return () =>
        {
            using var scope = NewDisposeScope();
            var state = empty([bytes.LongLength], ScalarType.Byte);
            bytes.CopyTo(state.bytes);
            generator.set_state(state);
        };
    }
}
