using AgCc.Core.Torch.Features.Wav2Vec2;
using TorchSharp;
using Xunit.Abstractions;

namespace AgCc.Core.Tests.Features;

/// <summary>
/// Batches of unequal length with lengths, against torchaudio's extract_features(waveforms, lengths)
/// on a zero-padded batch of tone_noise (8000 samples) and chirp's first 5000 samples: every hidden
/// state within 1e-4, padded frames included. For "large" (per-frame layer norms) each waveform's
/// valid frames equal its result alone; for "base" they do not, as in torchaudio (the group norm
/// of the feature encoder runs over the padding too).
/// </summary>
[Trait("Category", Categories.Unit)]
public class Wav2Vec2PaddingTests(ITestOutputHelper output)
{
    private static readonly long[] Lengths = [8000, 5000];

    private static torch.Tensor PaddedBatch()
    {
        using var scope = torch.NewDisposeScope();
        var batch = torch.zeros(2, Lengths.Max());
        batch[0, ..(int)Lengths[0]] = Wav2Vec2Fixtures.Wave("tone_noise")[..(int)Lengths[0]];
        batch[1, ..(int)Lengths[1]] = Wav2Vec2Fixtures.Wave("chirp")[..(int)Lengths[1]];
        return batch.MoveToOuterDisposeScope();
    }

    private static Wav2Vec2Model Model(string variant) =>
        Wav2Vec2Model.LoadCheckpoint(Path.Combine(Wav2Vec2Fixtures.Folder, variant + ".safetensors"), Wav2Vec2Fixtures.Config(variant));

    [Theory]
    [InlineData("base")]
    [InlineData("large")]
    public void A_padded_batch_is_within_1e_4_of_torchaudio_with_lengths(string variant)
    {
        using var model = Model(variant);
        using var batch = PaddedBatch();
        var (states, frameLengths) = model.HiddenStates(batch, Lengths);
        using (states)
        {
            Assert.Equal([399L, 249], frameLengths);
            Assert.Equal(model.FrameLengths(Lengths), frameLengths);
            var errors = Wav2Vec2Fixtures.AssertWithinTolerance(states, Wav2Vec2Fixtures.Reference($"{variant}.padded.hidden"));
            output.WriteLine($"{variant} padded batch: {errors}");

            // The tensor form of the lengths and Forward agree.
            using var lengthTensor = torch.tensor(Lengths.Select(l => (int)l).ToArray());
            var (again, againLengths) = model.HiddenStates(batch, lengthTensor);
            using (again) Assert.True(again.allclose(states, rtol: 0, atol: 0));
            Assert.Equal(frameLengths, againLengths);
            var (last, lastLengths) = model.Forward(batch, lengthTensor);
            using (last)
            using (var lastState = states[^1])
                Assert.True(last.allclose(lastState, rtol: 0, atol: 1e-6));
            Assert.Equal(frameLengths, lastLengths);
        }
    }

    [Theory]
    [InlineData("base", false)]
    [InlineData("large", true)]
    public void Valid_frames_equal_the_waveform_alone_only_for_the_layer_norm_feature_encoder(string variant, bool equal)
    {
        using var model = Model(variant);
        using var batch = PaddedBatch();
        using var alone = batch[1, ..(int)Lengths[1]];
        using var single = model.HiddenStates(alone);
        var (states, frameLengths) = model.HiddenStates(batch, Lengths);
        using (states)
        using (var valid = states[.., 1, ..(int)frameLengths[1]])
        {
            var error = (valid - single).abs().max().item<float>() / single.abs().max().item<float>();
            output.WriteLine($"{variant}: the short waveform's valid frames in the padded batch vs alone, relative error {error:E2}");
            if (equal) Assert.True(error <= 1e-5, $"relative error {error:E2}");
            else Assert.True(error > 1e-2, $"relative error {error:E2}: the base group norm was expected to see the padding");
        }
    }

    [Fact]
    public void Full_lengths_give_the_unmasked_result()
    {
        using var model = Model("large");
        using var batch = PaddedBatch();
        using var unmasked = model.HiddenStates(batch);
        var (masked, frameLengths) = model.HiddenStates(batch, [8000, 8000]);
        using (masked) Assert.True(masked.allclose(unmasked, rtol: 0, atol: 1e-6));
        Assert.Equal([399L, 399], frameLengths);
    }

    [Fact]
    public void Short_and_bad_lengths()
    {
        var config = Wav2Vec2Fixtures.Config("base");
        Assert.Equal(0, config.Frames(8)); // shorter than the first kernel (10): no frame, as torchaudio's floor division gives
        Assert.Equal(1, config.Frames(40));
        using var model = Model("base");
        using var batch = PaddedBatch();
        var (states, frameLengths) = model.HiddenStates(batch, [8000, 0]);
        using (states) Assert.False(states.isnan().any().item<bool>());
        Assert.Equal([399L, 0], frameLengths);
        Assert.Throws<ArgumentException>(() => model.HiddenStates(batch, [8000]));
        Assert.Throws<ArgumentException>(() => model.HiddenStates(batch, [8000, 8001]));
        Assert.Throws<ArgumentException>(() => model.HiddenStates(batch, [-1, 10]));
    }
}
