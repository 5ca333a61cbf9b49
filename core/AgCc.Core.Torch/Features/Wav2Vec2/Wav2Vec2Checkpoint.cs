using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>
/// Finds and reads a wav2vec 2.0 checkpoint by path, whatever form it comes in, so that callers
/// need not know how it was saved (<see cref="Wav2Vec2Model.LoadCheckpoint"/>):
/// a directory (Hugging Face's save_pretrained layout: model.safetensors, else pytorch_model.bin);
/// a .safetensors file; a .bin / .pt / .pth file written by torch.save(state_dict). The parameter
/// naming (Hugging Face's or torchaudio's) is told from the keys; the configuration is config.json
/// beside the weights (Hugging Face's keys or torchaudio's wav2vec2_model arguments) unless given.
/// Every error names the file at fault.
/// </summary>
internal static class Wav2Vec2Checkpoint
{
    public const string ConfigFile = "config.json";
    public const string SafeTensorsFile = "model.safetensors";
    public const string PyTorchFile = "pytorch_model.bin";

    public static Wav2Vec2Model Load(string path, Wav2Vec2Config? config, Device? device, ScalarType dtype)
    {
        var weightsPath = WeightsFile(path);
        config ??= ReadConfig(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(weightsPath))!, ConfigFile));
        using var state = ReadState(weightsPath);
        IReadOnlyDictionary<string, Tensor> named = state;
        if (Wav2Vec2HuggingFaceNames.IsHuggingFace(state.Keys))
        {
            try
            {
                named = Wav2Vec2HuggingFaceNames.ToTorchaudio(state).State;
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{weightsPath}: {e.Message}", e);
            }
        }
        try
        {
            return Wav2Vec2Model.Load(config, named, device, dtype);
        }
        catch (Wav2Vec2WeightsException e)
        {
            throw new Wav2Vec2WeightsException($"{weightsPath}: {e.Message}", e.Missing, e.Unexpected, e.Misshapen);
        }
    }

    /// <summary>The weights file: <paramref name="path"/> itself, or for a directory model.safetensors, else pytorch_model.bin.</summary>
    public static string WeightsFile(string path)
    {
        if (Directory.Exists(path))
        {
            foreach (var name in new[] { SafeTensorsFile, PyTorchFile })
                if (File.Exists(Path.Combine(path, name))) return Path.Combine(path, name);
            throw new FileNotFoundException($"{path}: a checkpoint directory needs {SafeTensorsFile} or {PyTorchFile}; it has neither", Path.Combine(path, SafeTensorsFile));
        }
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such checkpoint file or directory", path);
        return path;
    }

    /// <summary>Reads config.json (either library's keys); a missing file, malformed JSON or an unusable value is named with the file.</summary>
    public static Wav2Vec2Config ReadConfig(string configPath)
    {
        if (!File.Exists(configPath))
            throw new FileNotFoundException($"{configPath}: a checkpoint needs {ConfigFile} beside its weights, or a configuration given explicitly", configPath);
        Wav2Vec2Config config;
        try
        {
            config = Wav2Vec2Config.FromJson(File.ReadAllText(configPath));
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException or FormatException)
        {
            throw new InvalidDataException($"{configPath}: {e.Message}", e);
        }
        if (config.Problems() is { Count: > 0 } problems) throw new InvalidDataException($"{configPath}: {string.Join("; ", problems)}");
        return config;
    }

    /// <summary>The state dict as stored (either naming), by the file's extension.</summary>
    public static TensorDictionary ReadState(string weightsPath) => Path.GetExtension(weightsPath).ToLowerInvariant() switch
    {
        ".safetensors" => SafeTensors.Load(weightsPath),
        ".bin" or ".pt" or ".pth" => PyTorchCheckpoint.Load(weightsPath),
        var other => throw new InvalidDataException($"{weightsPath}: unknown checkpoint format \"{other}\" (expected .safetensors, or .bin / .pt / .pth from torch.save)"),
    };
}
