using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>
/// wav2vec 2.0 for inference (eval mode: no dropout, no layer drop, no masking), numerically
/// torchaudio.models.Wav2Vec2Model without its auxiliary head: feature encoder → feature projection
/// → transformer. Built from a state dict in torchaudio's parameter names (see
/// <see cref="Wav2Vec2HuggingFaceNames"/> for Hugging Face checkpoints, <see cref="LoadCheckpoint"/>
/// for any checkpoint by path); the weights are copied into the model (the caller keeps and disposes
/// the state dict). Every entry point runs in its own dispose scope and returns one tensor the
/// caller owns (with the valid frame counts for a padded batch).
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

    /// <summary>
    /// Loads a checkpoint by path, whatever it is: a Hugging Face checkpoint directory
    /// (model.safetensors, else pytorch_model.bin), a .safetensors file, or a .bin / .pt / .pth
    /// state dict written by torch.save. Hugging Face or torchaudio parameter names are told from
    /// the keys; the configuration is <paramref name="config"/>, else config.json beside the weights
    /// (Hugging Face's keys or torchaudio's wav2vec2_model arguments). Errors name the file at fault.
    /// </summary>
    public static Wav2Vec2Model LoadCheckpoint(string path, Wav2Vec2Config? config = null, Device? device = null, ScalarType dtype = ScalarType.Float32) =>
        Wav2Vec2Checkpoint.Load(path, config, device, dtype);

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

    /// <summary>
    /// <see cref="HiddenStates(Tensor, bool)"/> for a zero-padded batch of waveforms of unequal
    /// length, as torchaudio's extract_features(waveforms, lengths): <paramref name="lengths"/> gives
    /// each waveform's valid samples; padded frames are zeroed before the transformer and masked as
    /// attention keys (<see cref="Wav2Vec2PaddingMask"/>). Returns the states and each waveform's
    /// valid frames; the frames past them hold what torchaudio computes there, not zeros. The
    /// "base" feature encoder's group norm is not masked (nor is it in torchaudio), so for "base"
    /// the valid frames depend on the padding: run single waveforms or equal lengths to get each
    /// waveform's own features.
    /// </summary>
    public (Tensor States, long[] FrameLengths) HiddenStates(Tensor waveforms, long[] lengths, bool finalLayerNorm = true)
    {
        using var scope = NewDisposeScope();
        var (batched, single) = Batch(waveforms);
        var (projected, mask, frameLengths) = PaddedFeatures(batched, lengths);
        using (mask)
        {
            var states = encoder.HiddenStates(mask.ZeroPadded(projected), finalLayerNorm, mask.AttentionBias(projected.dtype));
            return ((single ? states.squeeze(1) : states).MoveToOuterDisposeScope(), frameLengths);
        }
    }

    /// <summary><see cref="HiddenStates(Tensor, long[], bool)"/> with the lengths as a 1-D integer tensor (torchaudio's form).</summary>
    public (Tensor States, long[] FrameLengths) HiddenStates(Tensor waveforms, Tensor lengths, bool finalLayerNorm = true) =>
        HiddenStates(waveforms, SampleLengths(lengths), finalLayerNorm);

    /// <summary>The last hidden state, [batch, frames, embed] (torchaudio's Wav2Vec2Model.forward without aux, HF's last_hidden_state).</summary>
    public Tensor Forward(Tensor waveforms)
    {
        using var scope = NewDisposeScope();
        var (batched, single) = Batch(waveforms);
        var output = encoder.Forward(featureProjection.Forward(featureEncoder.Forward(batched)));
        return (single ? output.squeeze(0) : output).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The last hidden state of a zero-padded batch, as torchaudio's forward(waveforms, lengths)
    /// (see <see cref="HiddenStates(Tensor, long[], bool)"/>), and each waveform's valid frames.
    /// </summary>
    public (Tensor Output, long[] FrameLengths) Forward(Tensor waveforms, long[] lengths)
    {
        using var scope = NewDisposeScope();
        var (batched, single) = Batch(waveforms);
        var (projected, mask, frameLengths) = PaddedFeatures(batched, lengths);
        using (mask)
        {
            var output = encoder.Forward(mask.ZeroPadded(projected), mask.AttentionBias(projected.dtype));
            return ((single ? output.squeeze(0) : output).MoveToOuterDisposeScope(), frameLengths);
        }
    }

    /// <summary><see cref="Forward(Tensor, long[])"/> with the lengths as a 1-D integer tensor (torchaudio's form).</summary>
    public (Tensor Output, long[] FrameLengths) Forward(Tensor waveforms, Tensor lengths) => Forward(waveforms, SampleLengths(lengths));

    /// <summary>Valid frames out of the feature encoder for each waveform's valid samples (torchaudio's output lengths).</summary>
    public long[] FrameLengths(long[] sampleLengths) => Wav2Vec2PaddingMask.FrameLengths(Config, sampleLengths);

    /// <summary>The projected features of a padded batch, its padding mask and the valid frames per waveform.</summary>
    private (Tensor Projected, Wav2Vec2PaddingMask Mask, long[] FrameLengths) PaddedFeatures(Tensor batched, long[] lengths)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        var (batch, samples) = (batched.shape[0], batched.shape[1]);
        if (lengths.Length != batch) throw new ArgumentException($"{lengths.Length} lengths for a batch of {batch}", nameof(lengths));
        foreach (var length in lengths)
            if (length < 0 || length > samples) throw new ArgumentException($"length {length} is outside 0..{samples} (the padded batch's samples)", nameof(lengths));
        var projected = featureProjection.Forward(featureEncoder.Forward(batched));
        var frameLengths = FrameLengths(lengths);
        return (projected, new Wav2Vec2PaddingMask(frameLengths, projected.shape[1], Device), frameLengths);
    }

    private static long[] SampleLengths(Tensor lengths)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        if (lengths.dim() != 1 || lengths.is_floating_point() || lengths.is_complex())
            throw new ArgumentException($"lengths: expected a 1-D integer tensor, got {lengths.dtype} of {lengths.dim()} dimensions", nameof(lengths));
        using var values = lengths.to(ScalarType.Int64, CPU);
        return values.data<long>().ToArray();
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
