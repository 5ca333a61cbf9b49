using System.Text.Json;

namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>How the convolutional feature encoder normalises: "base" (group norm on the first conv only) or "large" (layer norm after every conv).</summary>
public enum Wav2Vec2ExtractorMode
{
    /// <summary>torchaudio's and fairseq's "group_norm", Hugging Face's feat_extract_norm="group".</summary>
    GroupNorm,

    /// <summary>torchaudio's and fairseq's "layer_norm", Hugging Face's feat_extract_norm="layer".</summary>
    LayerNorm,
}

/// <summary>One convolution of the feature encoder: output channels, kernel width, stride.</summary>
public sealed record Wav2Vec2ConvLayer(int Channels, int Kernel, int Stride);

/// <summary>
/// wav2vec 2.0's architecture, named after torchaudio.models.wav2vec2_model's arguments (Hugging
/// Face's Wav2Vec2Config in brackets). Defaults are the "base" model (torchaudio's wav2vec2_base,
/// HF's facebook/wav2vec2-base): seven convolutions (512 channels; kernels 10,3,3,3,3,2,2; strides
/// 5,2,2,2,2,2,2; no bias), group norm, 768-dimensional embedding, 12 layers of 12 heads with a
/// 3072-wide feed-forward, positional convolution of kernel 128 in 16 groups, post-LN layers.
/// <see cref="Large"/> is wav2vec2_large_lv60k (layer norm extractor with conv bias, 1024 / 24 / 16
/// / 4096, pre-LN "stable layer norm"). Inference only, so no dropout fields.
/// </summary>
public sealed record Wav2Vec2Config
{
    public static IReadOnlyList<Wav2Vec2ConvLayer> DefaultConvLayers { get; } =
    [
        new(512, 10, 5), new(512, 3, 2), new(512, 3, 2), new(512, 3, 2), new(512, 3, 2), new(512, 2, 2), new(512, 2, 2),
    ];

    /// <summary>extractor_mode (feat_extract_norm).</summary>
    public Wav2Vec2ExtractorMode ExtractorMode { get; init; } = Wav2Vec2ExtractorMode.GroupNorm;

    /// <summary>extractor_conv_layer_config (conv_dim, conv_kernel, conv_stride).</summary>
    public IReadOnlyList<Wav2Vec2ConvLayer> ConvLayers { get; init; } = DefaultConvLayers;

    /// <summary>extractor_conv_bias (conv_bias).</summary>
    public bool ConvBias { get; init; }

    /// <summary>encoder_embed_dim (hidden_size).</summary>
    public int EmbedDim { get; init; } = 768;

    /// <summary>encoder_num_layers (num_hidden_layers).</summary>
    public int Layers { get; init; } = 12;

    /// <summary>encoder_num_heads (num_attention_heads).</summary>
    public int Heads { get; init; } = 12;

    /// <summary>encoder_ff_interm_features (intermediate_size).</summary>
    public int FeedForwardDim { get; init; } = 3072;

    /// <summary>encoder_pos_conv_kernel (num_conv_pos_embeddings).</summary>
    public int PositionalConvKernel { get; init; } = 128;

    /// <summary>encoder_pos_conv_groups (num_conv_pos_embedding_groups).</summary>
    public int PositionalConvGroups { get; init; } = 16;

    /// <summary>
    /// encoder_layer_norm_first (do_stable_layer_norm): true = pre-LN layers and a final layer norm
    /// ("large"); false = post-LN layers with the encoder's layer norm before the first layer ("base").
    /// </summary>
    public bool LayerNormFirst { get; init; }

    /// <summary>layer_norm_eps; also the group norm's eps (torch's default for both).</summary>
    public double LayerNormEps { get; init; } = 1e-5;

    public static Wav2Vec2Config Base { get; } = new();

    public static Wav2Vec2Config Large { get; } = new()
    {
        ExtractorMode = Wav2Vec2ExtractorMode.LayerNorm, ConvBias = true, EmbedDim = 1024, Layers = 24, Heads = 16,
        FeedForwardDim = 4096, LayerNormFirst = true,
    };

    /// <summary>Channels of the feature encoder's output (the last convolution's).</summary>
    public int ExtractorChannels => ConvLayers.Count == 0 ? 0 : ConvLayers[^1].Channels;

    /// <summary>Every field at fault, by name; empty when the configuration is usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (ConvLayers is null || ConvLayers.Count == 0) problems.Add("convLayers: at least one convolution");
        else
            for (var i = 0; i < ConvLayers.Count; i++)
                if (ConvLayers[i] is not { Channels: > 0, Kernel: > 0, Stride: > 0 }) problems.Add($"convLayers[{i}]: channels, kernel and stride must be positive, got {ConvLayers[i]}");
        if (EmbedDim <= 0) problems.Add($"embedDim: must be positive, got {EmbedDim}");
        if (Layers <= 0) problems.Add($"layers: must be positive, got {Layers}");
        if (Heads <= 0 || (EmbedDim > 0 && EmbedDim % Heads != 0)) problems.Add($"heads: must be positive and divide embedDim {EmbedDim}, got {Heads}");
        if (FeedForwardDim <= 0) problems.Add($"feedForwardDim: must be positive, got {FeedForwardDim}");
        if (PositionalConvKernel <= 0) problems.Add($"positionalConvKernel: must be positive, got {PositionalConvKernel}");
        if (PositionalConvGroups <= 0 || (EmbedDim > 0 && EmbedDim % PositionalConvGroups != 0)) problems.Add($"positionalConvGroups: must be positive and divide embedDim {EmbedDim}, got {PositionalConvGroups}");
        if (!(LayerNormEps > 0)) problems.Add($"layerNormEps: must be positive, got {LayerNormEps}");
        return problems;
    }

    /// <summary>Frames out of the feature encoder for a waveform of <paramref name="samples"/> (torchaudio's length rule).</summary>
    public int Frames(int samples) => (int)Frames((long)samples);

    /// <summary>
    /// Frames out of the feature encoder for <paramref name="samples"/> valid samples: torchaudio's
    /// floor((length − kernel) / stride) + 1 per convolution, clamped at 0 (a length shorter than
    /// the kernel gives none, which truncating division would not).
    /// </summary>
    public long Frames(long samples)
    {
        var length = samples;
        foreach (var layer in ConvLayers) length = length < layer.Kernel ? 0 : (length - layer.Kernel) / layer.Stride + 1;
        return length;
    }

    /// <summary>Reads the JSON of torchaudio.models.wav2vec2_model's keyword arguments (as the fixture script writes it); dropout fields are ignored.</summary>
    public static Wav2Vec2Config FromTorchaudioJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var config = new Wav2Vec2Config();
        if (root.TryGetProperty("extractor_mode", out var mode))
            config = config with
            {
                ExtractorMode = mode.GetString() switch
                {
                    "group_norm" => Wav2Vec2ExtractorMode.GroupNorm,
                    "layer_norm" => Wav2Vec2ExtractorMode.LayerNorm,
                    var other => throw new InvalidDataException($"extractor_mode: \"{other}\" is neither \"group_norm\" nor \"layer_norm\""),
                },
            };
        if (root.TryGetProperty("extractor_conv_layer_config", out var conv) && conv.ValueKind == JsonValueKind.Array)
            config = config with { ConvLayers = conv.EnumerateArray().Select(l => new Wav2Vec2ConvLayer(l[0].GetInt32(), l[1].GetInt32(), l[2].GetInt32())).ToArray() };
        if (root.TryGetProperty("extractor_conv_bias", out var bias)) config = config with { ConvBias = bias.GetBoolean() };
        if (root.TryGetProperty("encoder_embed_dim", out var embed)) config = config with { EmbedDim = embed.GetInt32() };
        if (root.TryGetProperty("encoder_num_layers", out var layers)) config = config with { Layers = layers.GetInt32() };
        if (root.TryGetProperty("encoder_num_heads", out var heads)) config = config with { Heads = heads.GetInt32() };
        if (root.TryGetProperty("encoder_ff_interm_features", out var ff)) config = config with { FeedForwardDim = ff.GetInt32() };
        if (root.TryGetProperty("encoder_pos_conv_kernel", out var kernel)) config = config with { PositionalConvKernel = kernel.GetInt32() };
        if (root.TryGetProperty("encoder_pos_conv_groups", out var groups)) config = config with { PositionalConvGroups = groups.GetInt32() };
        if (root.TryGetProperty("encoder_layer_norm_first", out var first)) config = config with { LayerNormFirst = first.GetBoolean() };
        return config;
    }

    /// <summary>
    /// Reads either JSON a checkpoint may carry beside it: torchaudio's wav2vec2_model arguments
    /// (recognised by extractor_mode, extractor_conv_layer_config or encoder_embed_dim) or else a
    /// Hugging Face config.json.
    /// </summary>
    public static Wav2Vec2Config FromJson(string json)
    {
        using (var document = JsonDocument.Parse(json))
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"expected a JSON object, got {root.ValueKind}");
            if (root.TryGetProperty("extractor_mode", out _) || root.TryGetProperty("extractor_conv_layer_config", out _) || root.TryGetProperty("encoder_embed_dim", out _))
                return FromTorchaudioJson(json);
        }
        return FromHuggingFaceJson(json);
    }

    /// <summary>
    /// Reads a Hugging Face Wav2Vec2Config (a checkpoint directory's config.json). Fields that only
    /// matter for training or for heads are ignored; activations other than GELU are refused, naming
    /// the field, since this port implements GELU only.
    /// </summary>
    public static Wav2Vec2Config FromHuggingFaceJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        foreach (var activation in new[] { "hidden_act", "feat_extract_activation" })
            if (root.TryGetProperty(activation, out var value) && value.GetString() is { } name && name != "gelu")
                throw new InvalidDataException($"{activation}: \"{name}\" is not supported (gelu only)");
        var config = new Wav2Vec2Config();
        if (root.TryGetProperty("feat_extract_norm", out var norm))
            config = config with
            {
                ExtractorMode = norm.GetString() switch
                {
                    "group" => Wav2Vec2ExtractorMode.GroupNorm,
                    "layer" => Wav2Vec2ExtractorMode.LayerNorm,
                    var other => throw new InvalidDataException($"feat_extract_norm: \"{other}\" is neither \"group\" nor \"layer\""),
                },
            };
        if (root.TryGetProperty("conv_dim", out var dims) && root.TryGetProperty("conv_kernel", out var kernels) && root.TryGetProperty("conv_stride", out var strides))
        {
            int[] d = [.. dims.EnumerateArray().Select(v => v.GetInt32())], k = [.. kernels.EnumerateArray().Select(v => v.GetInt32())], st = [.. strides.EnumerateArray().Select(v => v.GetInt32())];
            if (d.Length != k.Length || d.Length != st.Length)
                throw new InvalidDataException($"conv_dim, conv_kernel and conv_stride differ in length ({d.Length}, {k.Length}, {st.Length})");
            config = config with { ConvLayers = [.. d.Select((c, i) => new Wav2Vec2ConvLayer(c, k[i], st[i]))] };
        }
        if (root.TryGetProperty("conv_bias", out var bias)) config = config with { ConvBias = bias.GetBoolean() };
        if (root.TryGetProperty("hidden_size", out var hidden)) config = config with { EmbedDim = hidden.GetInt32() };
        if (root.TryGetProperty("num_hidden_layers", out var layers)) config = config with { Layers = layers.GetInt32() };
        if (root.TryGetProperty("num_attention_heads", out var heads)) config = config with { Heads = heads.GetInt32() };
        if (root.TryGetProperty("intermediate_size", out var ff)) config = config with { FeedForwardDim = ff.GetInt32() };
        if (root.TryGetProperty("num_conv_pos_embeddings", out var kernel)) config = config with { PositionalConvKernel = kernel.GetInt32() };
        if (root.TryGetProperty("num_conv_pos_embedding_groups", out var groups)) config = config with { PositionalConvGroups = groups.GetInt32() };
        if (root.TryGetProperty("do_stable_layer_norm", out var stable)) config = config with { LayerNormFirst = stable.GetBoolean() };
        if (root.TryGetProperty("layer_norm_eps", out var eps)) config = config with { LayerNormEps = eps.GetDouble() };
        return config;
    }
}
