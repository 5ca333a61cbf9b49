using System.Collections;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>
/// Reads a state dict saved by PyTorch's <c>torch.save(model.state_dict(), path)</c> (Hugging Face's
/// pytorch_model.bin, torchaudio's or anyone's .pt / .pth) with TorchSharp.PyBridge's unpickler: the
/// zip format of torch ≥ 1.6 only (the older tar-like format is refused, naming the file). Tensors
/// are created on the CPU outside any dispose scope and owned by the returned dictionary; on any
/// error every tensor read so far is disposed and the error names the file.
/// </summary>
public static class PyTorchCheckpoint
{
    public static TensorDictionary Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <param name="name">Named in errors.</param>
    public static TensorDictionary Read(Stream stream, string name)
    {
        // The unpickler creates its tensors in the current dispose scope: this one frees them on error.
        using var scope = NewDisposeScope();
        Hashtable table;
        try
        {
            table = PyTorchUnpickler.UnpickleStateDict(stream, leaveOpen: true);
        }
        catch (NotImplementedException e)
        {
            throw new InvalidDataException($"{name}: not a state dict in PyTorch's zip format ({e.Message})", e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The unpickler reports a malformed file with whatever the bad bytes make it throw.
            throw new InvalidDataException($"{name}: unreadable PyTorch checkpoint ({e.GetType().Name}: {e.Message})", e);
        }
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in table)
        {
            if (entry.Key is not string key || entry.Value is not Tensor tensor)
                throw new InvalidDataException($"{name}: expected a state dict of named tensors, found {entry.Key} = {entry.Value?.GetType().Name ?? "null"}");
            tensors.Add(key, tensor);
        }
        foreach (var tensor in tensors.Values) tensor.DetachFromDisposeScope();
        return new TensorDictionary(tensors);
    }
}
