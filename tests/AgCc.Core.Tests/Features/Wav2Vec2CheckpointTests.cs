using AgCc.Core.Torch.Features.Wav2Vec2;
using TorchSharp;
using Xunit.Abstractions;

namespace AgCc.Core.Tests.Features;

/// <summary>
/// Checkpoints by path in every form the fixture script writes: PyTorch pickled state dicts
/// (torch.save) with Hugging Face names (with and without the "wav2vec2." prefix, both weight-norm
/// namings, head parameters ignored) or torchaudio names, safetensors files and Hugging Face
/// directories; each gives torchaudio's hidden states within the usual 1e-4. Errors name the file.
/// </summary>
[Trait("Category", Categories.Unit)]
public class Wav2Vec2CheckpointTests(ITestOutputHelper output)
{
    private static readonly string Folder = Wav2Vec2Fixtures.Folder;

    private void AssertMatchesTorchaudio(Wav2Vec2Model model, string variant)
    {
        foreach (var wave in new[] { "tone_noise", "chirp" })
        {
            using var samples = Wav2Vec2Fixtures.Wave(wave);
            using var hidden = model.HiddenStates(samples);
            var errors = Wav2Vec2Fixtures.AssertWithinTolerance(hidden, Wav2Vec2Fixtures.Reference($"{variant}.{wave}.hidden"));
            output.WriteLine($"{variant}/{wave}: {errors}");
        }
    }

    [Fact]
    public void A_Hugging_Face_directory_with_only_pytorch_model_bin_loads()
    {
        // hf_base: Wav2Vec2Model names without prefix, weight_g / weight_v, masked_spec_embed.
        using var model = Wav2Vec2Model.LoadCheckpoint(Path.Combine(Folder, "hf_base"));
        Assert.Equal(Wav2Vec2Fixtures.Config("base").ConvLayers, model.Config.ConvLayers);
        AssertMatchesTorchaudio(model, "base");
    }

    [Fact]
    public void A_prefixed_pytorch_model_bin_loads_by_path_with_the_config_beside_it()
    {
        // hf_large/pytorch_model.bin: "wav2vec2." prefix, parametrizations.weight.original0/1, quantizer and project_q dropped.
        using var model = Wav2Vec2Model.LoadCheckpoint(Path.Combine(Folder, "hf_large", "pytorch_model.bin"));
        AssertMatchesTorchaudio(model, "large");
    }

    [Fact]
    public void A_torchaudio_state_dict_saved_by_torch_save_loads_with_a_given_config()
    {
        using var model = Wav2Vec2Model.LoadCheckpoint(Path.Combine(Folder, "large.pt"), Wav2Vec2Fixtures.Config("large"));
        AssertMatchesTorchaudio(model, "large");
    }

    [Theory]
    [InlineData("base")]
    [InlineData("large")]
    public void A_safetensors_file_in_torchaudio_names_loads_by_path(string variant)
    {
        using var model = Wav2Vec2Model.LoadCheckpoint(Path.Combine(Folder, variant + ".safetensors"), Wav2Vec2Fixtures.Config(variant));
        AssertMatchesTorchaudio(model, variant);
    }

    [Fact]
    public void A_pickled_state_dict_reads_the_same_tensors_as_safetensors_and_owns_them()
    {
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        using (var pickled = PyTorchCheckpoint.Load(Path.Combine(Folder, "large.pt")))
        using (var safe = SafeTensors.Load(Path.Combine(Folder, "large.safetensors")))
        {
            Assert.Equal(safe.Keys.Order(StringComparer.Ordinal), pickled.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, tensor) in safe)
            {
                Assert.Equal(tensor.shape, pickled[name].shape);
                Assert.True(tensor.allclose(pickled[name], rtol: 0, atol: 0), name);
            }
        }
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void A_directory_with_both_takes_model_safetensors()
    {
        var folder = Directory.CreateTempSubdirectory("agcc-w2v-").FullName;
        try
        {
            File.Copy(Path.Combine(Folder, "hf_large", "config.json"), Path.Combine(folder, "config.json"));
            File.Copy(Path.Combine(Folder, "hf_large", "model.safetensors"), Path.Combine(folder, "model.safetensors"));
            File.WriteAllText(Path.Combine(folder, "pytorch_model.bin"), "not a checkpoint");
            using (Wav2Vec2Model.LoadCheckpoint(folder)) { }

            File.Delete(Path.Combine(folder, "model.safetensors"));
            var error = Assert.Throws<InvalidDataException>(() => Wav2Vec2Model.LoadCheckpoint(folder));
            Assert.Contains(Path.Combine(folder, "pytorch_model.bin"), error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Errors_name_the_file_at_fault()
    {
        // No config.json beside the weights and none given.
        var pt = Path.Combine(Folder, "large.pt");
        var noConfig = Assert.Throws<FileNotFoundException>(() => Wav2Vec2Model.LoadCheckpoint(pt));
        Assert.Contains(Path.Combine(Folder, "config.json"), noConfig.Message);

        // Weights that do not fit the configuration.
        var misfit = Assert.Throws<Wav2Vec2WeightsException>(() => Wav2Vec2Model.LoadCheckpoint(pt, Wav2Vec2Fixtures.Config("base")));
        Assert.StartsWith(pt + ": ", misfit.Message, StringComparison.Ordinal);
        Assert.NotEmpty(misfit.Unexpected);

        var folder = Directory.CreateTempSubdirectory("agcc-w2v-").FullName;
        try
        {
            var unknown = Path.Combine(folder, "weights.ckpt");
            File.WriteAllText(unknown, "");
            Assert.Contains(unknown, Assert.Throws<InvalidDataException>(() => Wav2Vec2Model.LoadCheckpoint(unknown, Wav2Vec2Config.Base)).Message);

            var legacy = Path.Combine(folder, "legacy.pth");
            File.WriteAllBytes(legacy, [0x80, 0x02, 0x8a, 0x0a]);
            Assert.Contains(legacy, Assert.Throws<InvalidDataException>(() => Wav2Vec2Model.LoadCheckpoint(legacy, Wav2Vec2Config.Base)).Message);

            var empty = Assert.Throws<FileNotFoundException>(() => Wav2Vec2Model.LoadCheckpoint(folder));
            Assert.Contains("model.safetensors", empty.Message);
            Assert.Contains("pytorch_model.bin", empty.Message);

            var missing = Path.Combine(folder, "nothing.bin");
            Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => Wav2Vec2Model.LoadCheckpoint(missing)).Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Naming_and_config_format_are_told_apart()
    {
        using var torchaudio = SafeTensors.Load(Path.Combine(Folder, "large.safetensors"));
        using var huggingFace = SafeTensors.Load(Path.Combine(Folder, "hf_large", "model.safetensors"));
        using var unprefixed = PyTorchCheckpoint.Load(Path.Combine(Folder, "hf_base", "pytorch_model.bin"));
        Assert.False(Wav2Vec2HuggingFaceNames.IsHuggingFace(torchaudio.Keys));
        Assert.True(Wav2Vec2HuggingFaceNames.IsHuggingFace(huggingFace.Keys));
        Assert.True(Wav2Vec2HuggingFaceNames.IsHuggingFace(unprefixed.Keys));

        var fromTorchaudio = Wav2Vec2Config.FromJson(File.ReadAllText(Path.Combine(Folder, "large.config.json")));
        var fromHuggingFace = Wav2Vec2Config.FromJson(File.ReadAllText(Path.Combine(Folder, "hf_large", "config.json")));
        Assert.Equal(fromTorchaudio.ConvLayers, fromHuggingFace.ConvLayers);
        Assert.Equal(fromTorchaudio with { ConvLayers = [] }, fromHuggingFace with { ConvLayers = [] });
    }
}
