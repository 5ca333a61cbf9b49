using AgCc.Core.Formats;
using AgCc.Core.Torch.Features.Wav2Vec2;
using TorchSharp;
using Xunit.Abstractions;

namespace AgCc.Core.Tests.Features;

/// <summary>
/// A full-size checkpoint the other tests have not seen (facebook/wav2vec2-base's format and size,
/// seeded random weights, written by Fixtures/Wav2Vec2/check_full_size.py outside the repository:
/// ~800 MB). Runs only when AGCC_WAV2VEC2_FULL_SIZE names that directory, skipped otherwise:
/// every hidden state of 4 s of speech-like audio within 1e-4 of torchaudio's, relative to its
/// largest magnitude, from model.safetensors, from pytorch_model.bin and from the directory.
/// </summary>
[Trait("Category", Categories.Unit)]
public class Wav2Vec2FullSizeCheckpointTests(ITestOutputHelper output)
{
    public const string Variable = "AGCC_WAV2VEC2_FULL_SIZE";

    /// <summary>A theory skipped unless <see cref="Variable"/> is set (xunit 2 has no skipping from inside a test).</summary>
    public sealed class FullSizeTheoryAttribute : TheoryAttribute
    {
        public FullSizeTheoryAttribute()
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
                Skip = $"set {Variable} to the directory Fixtures/Wav2Vec2/check_full_size.py writes";
        }
    }

    [FullSizeTheory]
    [InlineData("model.safetensors")]
    [InlineData("pytorch_model.bin")]
    [InlineData("")] // the directory: model.safetensors is taken
    public void Every_hidden_state_of_a_full_size_checkpoint_is_within_1e_4_of_torchaudio(string weights)
    {
        var folder = Environment.GetEnvironmentVariable(Variable)!;
        using var model = Wav2Vec2Model.LoadCheckpoint(Path.Combine(folder, weights));
        Assert.Equal(Wav2Vec2Config.Base with { ConvLayers = [] }, model.Config with { ConvLayers = [] });
        Assert.Equal(Wav2Vec2Config.Base.ConvLayers, model.Config.ConvLayers);
        using var audio = torch.tensor(Npy.Read(File.ReadAllBytes(Path.Combine(folder, "audio.npy")), "audio").Values.Select(v => (float)v).ToArray());
        using var hidden = model.HiddenStates(audio);
        var errors = Wav2Vec2Fixtures.RelativeErrors(hidden, Npy.Read(File.ReadAllBytes(Path.Combine(folder, "hidden.npy")), "hidden"));
        output.WriteLine($"{(weights.Length == 0 ? "directory" : weights)}: max relative error {errors.Max():E2} ({string.Join(", ", errors.Select((e, i) => $"[{i}] {e:E2}"))})");
        Assert.All(errors, e => Assert.True(e <= Wav2Vec2Fixtures.Tolerance, $"relative error {e:E2} > 1e-4"));
    }
}
