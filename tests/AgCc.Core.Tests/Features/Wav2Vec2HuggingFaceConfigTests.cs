using AgCc.Core.Torch.Features.Wav2Vec2;

namespace AgCc.Core.Tests.Features;

/// <summary>Hugging Face config.json files (the fields of facebook/wav2vec2-base and -large-robust) read into the architecture.</summary>
[Trait("Category", Categories.Unit)]
public class Wav2Vec2HuggingFaceConfigTests
{
    private const string BaseJson = """
        {"architectures": ["Wav2Vec2ForPreTraining"], "conv_bias": false, "conv_dim": [512, 512, 512, 512, 512, 512, 512],
         "conv_kernel": [10, 3, 3, 3, 3, 2, 2], "conv_stride": [5, 2, 2, 2, 2, 2, 2], "do_stable_layer_norm": false,
         "feat_extract_activation": "gelu", "feat_extract_norm": "group", "hidden_act": "gelu", "hidden_dropout": 0.1,
         "hidden_size": 768, "intermediate_size": 3072, "layer_norm_eps": 1e-05, "model_type": "wav2vec2",
         "num_attention_heads": 12, "num_conv_pos_embedding_groups": 16, "num_conv_pos_embeddings": 128, "num_hidden_layers": 12}
        """;

    private const string LargeRobustJson = """
        {"conv_bias": true, "conv_dim": [512, 512, 512, 512, 512, 512, 512], "conv_kernel": [10, 3, 3, 3, 3, 2, 2],
         "conv_stride": [5, 2, 2, 2, 2, 2, 2], "do_stable_layer_norm": true, "feat_extract_activation": "gelu",
         "feat_extract_norm": "layer", "hidden_act": "gelu", "hidden_size": 1024, "intermediate_size": 4096,
         "layer_norm_eps": 1e-05, "num_attention_heads": 16, "num_conv_pos_embedding_groups": 16,
         "num_conv_pos_embeddings": 128, "num_hidden_layers": 24}
        """;

    [Fact]
    public void Base_and_large_robust_configs_give_the_base_and_large_architectures()
    {
        AssertSame(Wav2Vec2Config.Base, Wav2Vec2Config.FromHuggingFaceJson(BaseJson));
        AssertSame(Wav2Vec2Config.Large, Wav2Vec2Config.FromHuggingFaceJson(LargeRobustJson));
    }

    [Fact]
    public void Unsupported_values_name_their_field()
    {
        Assert.Contains("hidden_act", Assert.Throws<InvalidDataException>(() => Wav2Vec2Config.FromHuggingFaceJson("""{"hidden_act": "relu"}""")).Message);
        Assert.Contains("feat_extract_norm", Assert.Throws<InvalidDataException>(() => Wav2Vec2Config.FromHuggingFaceJson("""{"feat_extract_norm": "batch"}""")).Message);
        Assert.Contains("conv_kernel", Assert.Throws<InvalidDataException>(() =>
            Wav2Vec2Config.FromHuggingFaceJson("""{"conv_dim": [512, 512], "conv_kernel": [10], "conv_stride": [5, 2]}""")).Message);
    }

    [Fact]
    public void A_Hugging_Face_checkpoint_directory_loads_by_path_and_equals_the_torchaudio_state_dict()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Wav2Vec2");
        using var fromDirectory = Wav2Vec2Model.LoadCheckpoint(Path.Combine(folder, "hf_large"));
        var config = Wav2Vec2Config.FromTorchaudioJson(File.ReadAllText(Path.Combine(folder, "large.config.json")));
        using var reference = Wav2Vec2Model.LoadCheckpoint(Path.Combine(folder, "large.safetensors"), config);
        using var samples = TorchSharp.torch.tensor(AgCc.Core.Formats.Npy.Read(File.ReadAllBytes(Path.Combine(folder, "chirp.npy")), "chirp").Values.Select(v => (float)v).ToArray());
        using var x = fromDirectory.HiddenStates(samples);
        using var y = reference.HiddenStates(samples);
        Assert.True(x.allclose(y, rtol: 0, atol: 0));
    }

    [Fact]
    public void A_directory_without_weights_names_the_missing_files()
    {
        var folder = Directory.CreateTempSubdirectory("agcc-hf-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "config.json"), BaseJson);
            var error = Assert.Throws<FileNotFoundException>(() => Wav2Vec2Model.LoadCheckpoint(folder));
            Assert.Contains("model.safetensors", error.Message);
            Assert.Contains("pytorch_model.bin", error.Message);

            // An unreadable pytorch_model.bin is named.
            File.WriteAllText(Path.Combine(folder, "pytorch_model.bin"), "");
            Assert.Contains("pytorch_model.bin", Assert.Throws<InvalidDataException>(() => Wav2Vec2Model.LoadCheckpoint(folder)).Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertSame(Wav2Vec2Config expected, Wav2Vec2Config actual)
    {
        Assert.Equal(expected.ConvLayers, actual.ConvLayers);
        Assert.Equal(expected with { ConvLayers = [] }, actual with { ConvLayers = [] });
    }
}
