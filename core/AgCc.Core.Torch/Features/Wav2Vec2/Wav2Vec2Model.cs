using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>
/// wav2vec 2.0 for inference (eval mode: no dropout, no layer drop, no masking), numerically
/// torchaudio.models.Wav2Vec2Model without its auxiliary head: feature encoder → feature projection
/// → transformer. Built from a state dict in torchaudio's parameter names (see
/// <see cref="Wav2Vec2HuggingFaceNames"/> for Hugging Face checkpoints); the weights are copied into
/// the model (the caller keeps and disposes the state dict). Every entry point runs in its own
/// dispose scope and returns one tensor the caller owns.
/// </summary>
public sealed class Wav2Vec2Model : IDisposable
{
    private readonly Wav2Vec2FeatureEncoder featureEncoder;
    private readonly Wav2Vec2FeatureProjection featureProjection;
    private readonly Wav2Vec2Encoder encoder;

    private Wav2Vec2Model(Wav2Vec2Config config, Wav2Vec2FeatureEncoder featureEncoder, Wav2Vec2FeatureProjection featureProjection, Wav2Vec2Encoder encoder, Device device, ScalarType dtype)
    {
        Config = config;
        this.featureEncoder = featureEncoder;
        this.featureProjection = featureProjection;
        this.encoder = encoder;
        Device = device;
        DType = dtype;
    }

    public Wav2Vec2Config Config { get; }

    public Device Device { get; }

    public ScalarType DType { get; }

    /// <summary>
    /// Builds the model from <paramref name="state"/> (torchaudio names). Throws
    /// <see cref="Wav2Vec2WeightsException"/> naming every missing, unexpected or misshapen parameter.
    /// </summary>
    public static Wav2Vec2Model Load(Wav2Vec2Config config, IReadOnlyDictionary<string, Tensor> state, Device? device = null, ScalarType dtype = ScalarType.Float32)
    {
        if (config.Problems() is { Count: > 0 } problems) throw new ArgumentException(string.Join("; ", problems), nameof(config));
        device ??= CPU;
        var weights = new Wav2Vec2WeightLoader(state, device, dtype);
        var featureEncoder = new Wav2Vec2FeatureEncoder(config, weights);
        var featureProjection = new Wav2Vec2FeatureProjection(config, weights);
        var encoder = new Wav2Vec2Encoder(config, weights);
        try
        {
            weights.ThrowIfProblems();
        }
        catch
        {
            featureEncoder.Dispose();
            featureProjection.Dispose();
            encoder.Dispose();
            throw;
        }
        return new Wav2Vec2Model(config, featureEncoder, featureProjection, encoder, device, dtype);
    }

    /// <summary>
    /// Every parameter the configuration needs (torchaudio names, in the order torchaudio's
    /// state_dict lists them within each module) and its shape, without allocating any weights.
    /// </summary>
    public static IReadOnlyList<(string Name, long[] Shape)> ParameterShapes(Wav2Vec2Config config)
    {
        if (config.Problems() is { Count: > 0 } problems) throw new ArgumentException(string.Join("; ", problems), nameof(config));
        var weights = new Wav2Vec2WeightLoader(null, CPU, ScalarType.Float32);
        using (new Wav2Vec2FeatureEncoder(config, weights))
        using (new Wav2Vec2FeatureProjection(config, weights))
        using (new Wav2Vec2Encoder(config, weights))
            return weights.Requested;
    }

    /// <summary>Loads a .safetensors state dict; Hugging Face names are mapped when <paramref name="huggingFaceNames"/> is set.</summary>
    public static Wav2Vec2Model LoadSafeTensors(Wav2Vec2Config config, string path, bool huggingFaceNames = false, Device? device = null, ScalarType dtype = ScalarType.Float32)
    {
        using var state = SafeTensors.Load(path);
        return Load(config, huggingFaceNames ? Wav2Vec2HuggingFaceNames.ToTorchaudio(state).State : state, device, dtype);
    }

    /// <summary>
    /// Loads a Hugging Face checkpoint directory (facebook/wav2vec2-base format): config.json and
    /// model.safetensors, Hugging Face names mapped. Errors name the file at fault.
    /// </summary>
    public static Wav2Vec2Model LoadHuggingFaceDirectory(string directory, Device? device = null, ScalarType dtype = ScalarType.Float32)
    {
        var configPath = Path.Combine(directory, "config.json");
        var weightsPath = Path.Combine(directory, "model.safetensors");
        if (!File.Exists(configPath)) throw new FileNotFoundException($"{configPath}: a Hugging Face checkpoint directory needs config.json", configPath);
        if (!File.Exists(weightsPath))
            throw new FileNotFoundException(File.Exists(Path.Combine(directory, "pytorch_model.bin"))
                ? $"{weightsPath} is missing; {directory} has only pytorch_model.bin, which is not read yet (convert it to safetensors)"
                : $"{weightsPath} is missing", weightsPath);
        Wav2Vec2Config config;
        try
        {
            config = Wav2Vec2Config.FromHuggingFaceJson(File.ReadAllText(configPath));
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"{configPath}: {e.Message}", e);
        }
        if (config.Problems() is { Count: > 0 } problems) throw new InvalidDataException($"{configPath}: {string.Join("; ", problems)}");
        return LoadSafeTensors(config, weightsPath, huggingFaceNames: true, device, dtype);
    }

    /// <summary>The feature encoder's output, [batch, frames, channels] (torchaudio's feature_extractor; HF's extract_features before projection).</summary>
    public Tensor ConvFeatures(Tensor waveforms)
    {
        using var scope = NewDisposeScope();
        var (batched, single) = Batch(waveforms);
        var features = featureEncoder.Forward(batched);
        return (single ? features.squeeze(0) : features).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Every hidden state as Hugging Face's output_hidden_states: [layers + 1, batch, frames, embed]
    /// (without the batch dimension for a 1-D waveform). [0] is the transformer's input (projected
    /// features + positional convolution, after the encoder layer norm for post-LN "base"; no norm
    /// for pre-LN "large"), [N] the output of layer N; for pre-LN the last is after the final layer
    /// norm unless <paramref name="finalLayerNorm"/> is false (then [1..] equal torchaudio's
    /// extract_features, which for post-LN they always do).
    /// </summary>
    public Tensor HiddenStates(Tensor waveforms, bool finalLayerNorm = true)
    {
        using var scope = NewDisposeScope();
        var (batched, single) = Batch(waveforms);
        var states = encoder.HiddenStates(featureProjection.Forward(featureEncoder.Forward(batched)), finalLayerNorm);
        return (single ? states.squeeze(1) : states).MoveToOuterDisposeScope();
    }

    /// <summary>The last hidden state, [batch, frames, embed] (torchaudio's Wav2Vec2Model.forward without aux, HF's last_hidden_state).</summary>
    public Tensor Forward(Tensor waveforms)
    {
        using var scope = NewDisposeScope();
        var (batched, single) = Batch(waveforms);
        var output = encoder.Forward(featureProjection.Forward(featureEncoder.Forward(batched)));
        return (single ? output.squeeze(0) : output).MoveToOuterDisposeScope();
    }

    private (Tensor Batched, bool Single) Batch(Tensor waveforms) => waveforms.dim() switch
    {
        1 => (waveforms.unsqueeze(0).to(DType, Device), true),
        2 => (waveforms.to(DType, Device), false),
        var d => throw new ArgumentException($"expected [samples] or [batch, samples], got {d} dimensions", nameof(waveforms)),
    };

    public void Dispose()
    {
        featureEncoder.Dispose();
        featureProjection.Dispose();
        encoder.Dispose();
    }
}
