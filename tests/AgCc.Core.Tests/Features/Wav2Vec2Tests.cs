using AgCc.Core.Formats;
using AgCc.Core.Torch.Features.Wav2Vec2;
using TorchSharp;
using Xunit.Abstractions;

namespace AgCc.Core.Tests.Features;

/// <summary>
/// wav2vec 2.0 against torchaudio 0.13.1's wav2vec2_model with a tiny random configuration in both
/// variants (Fixtures/Wav2Vec2/make_wav2vec2_fixtures.py): every hidden state within 1e-4 of the
/// reference relative to the reference's largest magnitude; loading errors naming the parameter;
/// Hugging Face names; flat live-tensor count over repeated passes.
/// </summary>
[Trait("Category", Categories.Unit)]
public class Wav2Vec2Tests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Cases => new()
    {
        { "base", "tone_noise" }, { "base", "chirp" }, { "large", "tone_noise" }, { "large", "chirp" },
    };

    private static readonly string Folder = Wav2Vec2Fixtures.Folder;

    private static Wav2Vec2Config Config(string variant) => Wav2Vec2Fixtures.Config(variant);

    private static torch.Tensor Wave(string name) => Wav2Vec2Fixtures.Wave(name);

    private static double[] RelativeErrors(torch.Tensor actual, NpyArray expected) => Wav2Vec2Fixtures.RelativeErrors(actual, expected);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_hidden_state_is_within_1e_4_of_torchaudio(string variant, string wave)
    {
        var config = Config(variant);
        using var model = Wav2Vec2Model.LoadCheckpoint(Path.Combine(Folder, variant + ".safetensors"), config);
        using var samples = Wave(wave);

        using var hidden = model.HiddenStates(samples);
        var expected = Npy.Read(File.ReadAllBytes(Path.Combine(Folder, $"{variant}.{wave}.hidden.npy")), "hidden");
        Assert.Equal(config.Layers + 1, expected.Shape[0]);
        Assert.Equal(config.Frames((int)samples.shape[0]), expected.Shape[1]);
        var errors = RelativeErrors(hidden, expected);
        output.WriteLine($"{variant}/{wave} HF hidden states: {string.Join(", ", errors.Select((e, i) => $"[{i}] {e:E2}"))}");
        Assert.All(errors, e => Assert.True(e <= 1e-4, $"relative error {e:E2} > 1e-4 ({string.Join(", ", errors.Select(x => x.ToString("E2")))})"));

        // torchaudio's extract_features: the layers' raw outputs (no final layer norm for pre-LN).
        using var raw = model.HiddenStates(samples, finalLayerNorm: false);
        using var layers = raw[1..];
        var layerErrors = RelativeErrors(layers, Npy.Read(File.ReadAllBytes(Path.Combine(Folder, $"{variant}.{wave}.layers.npy")), "layers"));
        output.WriteLine($"{variant}/{wave} torchaudio extract_features: {string.Join(", ", layerErrors.Select((e, i) => $"[{i + 1}] {e:E2}"))}");
        Assert.All(layerErrors, e => Assert.True(e <= 1e-4, $"relative error {e:E2} > 1e-4"));

        // Forward is the last hidden state.
        using var last = model.Forward(samples);
        using var lastState = hidden[^1];
        Assert.True(last.allclose(lastState, rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void A_batch_gives_what_each_waveform_gives_alone()
    {
        using var model = Wav2Vec2Model.LoadCheckpoint(Path.Combine(Folder, "base.safetensors"), Config("base"));
        using var a = Wave("tone_noise");
        using var b = Wave("chirp");
        using var batch = torch.stack([a, b]);
        using var both = model.HiddenStates(batch);
        using var alone = model.HiddenStates(b);
        using var second = both[.., 1];
        Assert.Equal([3L, 2, 399, 32], both.shape);
        Assert.True(second.allclose(alone, rtol: 0, atol: 1e-5));
    }

    [Fact]
    public void A_missing_parameter_is_named()
    {
        using var state = SafeTensors.Load(Path.Combine(Folder, "base.safetensors"));
        const string missing = "encoder.transformer.layers.1.attention.k_proj.bias";
        var partial = state.Where(p => p.Key != missing).ToDictionary(p => p.Key, p => p.Value);
        var error = Assert.Throws<Wav2Vec2WeightsException>(() => Wav2Vec2Model.Load(Config("base"), partial));
        Assert.Contains(missing, error.Message);
        Assert.Equal([missing], error.Missing);
        Assert.Empty(error.Unexpected);
    }

    [Fact]
    public void An_unexpected_or_misshapen_parameter_is_named()
    {
        using var state = SafeTensors.Load(Path.Combine(Folder, "base.safetensors"));
        using var extra = torch.zeros(32);
        using var wrong = torch.zeros(31);
        var more = state.ToDictionary(p => p.Key, p => p.Value);
        more["encoder.transformer.layers.2.final_layer_norm.bias"] = extra;
        more["encoder.feature_projection.projection.bias"] = wrong;
        // base has no conv bias; the group norm sits on the first convolution only
        more["feature_extractor.conv_layers.1.layer_norm.weight"] = extra;
        var error = Assert.Throws<Wav2Vec2WeightsException>(() => Wav2Vec2Model.Load(Config("base"), more));
        Assert.Contains("encoder.transformer.layers.2.final_layer_norm.bias", error.Message);
        Assert.Contains("feature_extractor.conv_layers.1.layer_norm.weight", error.Message);
        Assert.Contains("encoder.feature_projection.projection.bias: expected [32], got [31]", error.Message);
        Assert.Equal(["encoder.transformer.layers.2.final_layer_norm.bias", "feature_extractor.conv_layers.1.layer_norm.weight"], error.Unexpected.Order(StringComparer.Ordinal));
        Assert.Empty(error.Missing);
    }

    [Theory]
    [InlineData("base", false)]
    [InlineData("large", true)]
    public void Hugging_Face_names_load_the_same_model(string variant, bool parametrizations)
    {
        using var state = SafeTensors.Load(Path.Combine(Folder, variant + ".safetensors"));
        var hf = new Dictionary<string, torch.Tensor>();
        foreach (var (name, tensor) in state)
        {
            var key = name
                .Replace("encoder.feature_projection.", "feature_projection.", StringComparison.Ordinal)
                .Replace("encoder.transformer.", "encoder.", StringComparison.Ordinal);
            if (parametrizations)
                key = key.Replace("conv.weight_g", "conv.parametrizations.weight.original0", StringComparison.Ordinal)
                    .Replace("conv.weight_v", "conv.parametrizations.weight.original1", StringComparison.Ordinal);
            hf["wav2vec2." + key] = tensor;
        }
        using var codevectors = torch.zeros(1, 4, 8);
        using var mask = torch.zeros(32);
        hf["quantizer.codevectors"] = codevectors;
        hf["wav2vec2.masked_spec_embed"] = mask;

        var (mapped, dropped) = Wav2Vec2HuggingFaceNames.ToTorchaudio(hf);
        Assert.Equal(["quantizer.codevectors", "wav2vec2.masked_spec_embed"], dropped.Order(StringComparer.Ordinal));
        Assert.Equal(state.Keys.Order(StringComparer.Ordinal), mapped.Keys.Order(StringComparer.Ordinal));
        using var fromHf = Wav2Vec2Model.Load(Config(variant), mapped);
        using var reference = Wav2Vec2Model.Load(Config(variant), state);
        using var samples = Wave("chirp");
        using var x = fromHf.Forward(samples);
        using var y = reference.Forward(samples);
        Assert.True(x.allclose(y, rtol: 0, atol: 0));
    }

    [Fact]
    public void Repeated_passes_leave_no_live_tensors_behind()
    {
        using var model = Wav2Vec2Model.LoadCheckpoint(Path.Combine(Folder, "large.safetensors"), Config("large"));
        using var samples = Wave("tone_noise");
        void Pass()
        {
            using var scope = torch.NewDisposeScope();
            var hidden = model.HiddenStates(samples);
            var last = model.Forward(samples);
            _ = (hidden.sum() + last.sum()).item<float>();
        }
        Pass();
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var i = 0; i < 5; i++) Pass();
        var after = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        Assert.Equal(before, after);

        // Results taken without a scope are the caller's: one live tensor each until disposed.
        var result = model.Forward(samples);
        Assert.Equal(before + 1, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        result.Dispose();
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Theory]
    [InlineData("base")]
    [InlineData("large")]
    public void Full_size_configurations_ask_for_exactly_torchaudios_parameters(string variant)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "torchaudio_parameter_shapes.json")));
        var expected = document.RootElement.GetProperty(variant).EnumerateObject()
            .Select(p => $"{p.Name} [{string.Join(", ", p.Value.EnumerateArray().Select(d => d.GetInt64()))}]").Order(StringComparer.Ordinal).ToArray();
        var config = variant == "base" ? Wav2Vec2Config.Base : Wav2Vec2Config.Large;
        var actual = Wav2Vec2Model.ParameterShapes(config).Select(p => $"{p.Name} [{string.Join(", ", p.Shape)}]").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Bad_configuration_names_every_field_at_fault()
    {
        var problems = (Wav2Vec2Config.Base with { Heads = 5, PositionalConvGroups = 0, ConvLayers = [] }).Problems();
        Assert.Contains(problems, p => p.StartsWith("heads", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("positionalConvGroups", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("convLayers", StringComparison.Ordinal));
        Assert.Empty(Wav2Vec2Config.Base.Problems());
        Assert.Empty(Wav2Vec2Config.Large.Problems());
    }
}
