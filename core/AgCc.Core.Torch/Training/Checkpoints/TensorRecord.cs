using TorchSharp;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Training.Checkpoints;

/// <summary>
/// One tensor as stored in a checkpoint section: dtype (int32 <see cref="ScalarType"/>), rank
/// (int32), shape (int64 each), byte count (int64), then its elements' raw bytes in row-major
/// order and the machine's byte order (little-endian on every platform the silos run on).
/// </summary>
/// <remarks>
/// Raw bytes rather than values, so that a restore is bit-exact whatever the dtype (NaN payloads
/// and the sign of zero included); copies go through the CPU, so a checkpoint written on a GPU
/// silo restores on a CPU one and back.
/// </remarks>
internal sealed record TensorRecord(ScalarType DType, long[] Shape, byte[] Data)
{
    public static void Write(BinaryWriter writer, Tensor tensor)
    {
        using var scope = NewDisposeScope();
        var cpu = tensor.detach().cpu().contiguous();
        writer.Write((int)cpu.dtype);
        writer.Write((int)cpu.dim());
        foreach (var size in cpu.shape) writer.Write(size);
        var bytes = cpu.bytes;
        writer.Write((long)bytes.Length);
        writer.Write(bytes);
    }

    /// <exception cref="EndOfStreamException">The record is cut short.</exception>
    /// <exception cref="FormatException">Its header is not a tensor's.</exception>
    public static TensorRecord Read(BinaryReader reader)
    {
        var dtype = (ScalarType)reader.ReadInt32();
        var rank = reader.ReadInt32();
        if (rank is < 0 or > 64) throw new FormatException($"a tensor of rank {rank}");
        var shape = new long[rank];
        for (var i = 0; i < rank; i++)
        {
            shape[i] = reader.ReadInt64();
            if (shape[i] < 0) throw new FormatException($"a tensor of shape [{string.Join(", ", shape.Take(i + 1))}]");
        }
        var length = reader.ReadInt64();
        if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position) throw new EndOfStreamException();
        return new TensorRecord(dtype, shape, reader.ReadBytes((int)length));
    }

    /// <summary>Why this record cannot be copied into <paramref name="target"/> (dtype, shape or byte count), or null when it can.</summary>
    /// <param name="target">The tensor to restore.</param>
    /// <param name="owner">Where <paramref name="target"/> lives, for the message ("the model").</param>
    public string? Mismatch(Tensor target, string owner = "the model")
    {
        if (DType != target.dtype) return $"is {DType} in the checkpoint, {target.dtype} in {owner}";
        if (!Shape.SequenceEqual(target.shape)) return $"has shape [{string.Join(", ", Shape)}] in the checkpoint, [{string.Join(", ", target.shape)}] in {owner}";
        var expected = target.numel() * target.ElementSize;
        return Data.Length == expected ? null : $"has {Data.Length} bytes in the checkpoint for {expected} in {owner}";
    }

    /// <summary>Copies the bytes into <paramref name="target"/> in place (no autograd record); <see cref="Mismatch"/> must be null.</summary>
    public void CopyInto(Tensor target)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var source = empty(Shape, DType);
        Data.CopyTo(source.bytes);
        target.copy_(source);
    }
}
