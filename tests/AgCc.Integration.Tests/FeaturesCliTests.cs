using AgCc.Core.Audio;
using AgCc.Core.Formats;
using AgCc.LocalStack;

namespace AgCc.Integration.Tests;

/// <summary>`agcc features extract` as a user runs it: a WAV in, a NumPy file out, equal to torchaudio's transform.</summary>
[Trait("Category", Categories.Integration)]
public sealed class FeaturesCliTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(RepositoryLayout.Root, "tests", "AgCc.Core.Tests", "Fixtures");
    private readonly Cli cli = new(Directory.CreateTempSubdirectory("agcc-cli-").FullName);

    private string Output(string name) => Path.Combine(cli.Home, name);

    [Fact]
    public async Task Log_mel_of_a_wav_equals_torchaudio_within_1e_3()
    {
        var output = Output("speech.npy");
        var (exitCode, stdout, errors) = await cli.RunAsync("features", "extract", "--wav", Path.Combine(Fixtures, "Features", "speech_like.wav"), "--output", output);

        Assert.True(exitCode == 0, errors);
        Assert.Contains("[", stdout);
        var actual = Npy.Read(File.ReadAllBytes(output), output);
        // torchaudio's MelSpectrogram(16000, 400, 400, 160, 80) in float64, log(mel + 1e-6), mels × frames.
        var reference = Npy.Read(File.ReadAllBytes(Path.Combine(Fixtures, "Features", "speech_like.logmel_htk.npy")), "reference");
        var (mels, frames) = (reference.Shape[0], reference.Shape[1]);
        Assert.Equal([frames, mels], actual.Shape);
        var worst = 0.0;
        for (var t = 0; t < frames; t++)
            for (var m = 0; m < mels; m++) worst = Math.Max(worst, Math.Abs(actual.Values[t * mels + m] - reference.Values[m * frames + t]));
        Assert.InRange(worst, 0, 1e-3);
    }

    [Fact]
    public async Task A_wav_at_another_rate_is_resampled_to_16_kHz_first()
    {
        var wav = Output("tone-22050.wav");
        var samples = Enumerable.Range(0, 22050).Select(n => 0.2f * MathF.Sin(2 * MathF.PI * 440 * n / 22050f)).ToArray();
        WavWriter.Write(wav, new AudioClip(samples, 22050));
        var output = Output("tone.npy");

        var (exitCode, _, errors) = await cli.RunAsync("features", "extract", "--wav", wav, "--output", output, "--normalization", "utterance");

        Assert.True(exitCode == 0, errors);
        var features = Npy.Read(File.ReadAllBytes(output), output);
        Assert.Equal([101, 80], features.Shape); // 1 s at 16 kHz: 1 + 16000 / 160 centred frames
        Assert.Equal(0, features.Values.Where((_, i) => i % 80 == 20).Average(), 4); // per-utterance normalised
    }

    [Fact]
    public async Task Wav2vec2_hidden_states_by_layer_from_a_hugging_face_directory()
    {
        var checkpoint = Path.Combine(Fixtures, "Wav2Vec2", "hf_large");
        var wav = Output("tone.wav");
        WavWriter.Write(wav, new AudioClip([.. Enumerable.Range(0, 8000).Select(n => 0.2f * MathF.Sin(n / 9f))], 16000));

        var (one, _, oneErrors) = await cli.RunAsync("features", "extract", "--wav", wav, "--extractor", "wav2vec2", "--checkpoint", checkpoint, "--layer", "1", "--output", Output("l1.npy"));
        var (stack, _, stackErrors) = await cli.RunAsync("features", "extract", "--wav", wav, "--extractor", "wav2vec2", "--checkpoint", checkpoint, "--layer", "weighted", "--output", Output("all.npy"));

        Assert.True(one == 0, oneErrors);
        Assert.True(stack == 0, stackErrors);
        var layer = Npy.Read(File.ReadAllBytes(Output("l1.npy")), "l1");
        var all = Npy.Read(File.ReadAllBytes(Output("all.npy")), "all");
        Assert.Equal(3, all.Shape.Length); // hidden states × frames × dims
        Assert.Equal(all.Shape[1..], layer.Shape);
        var plane = layer.Values.Length;
        Assert.Equal(layer.Values, all.Values.Skip(plane).Take(plane)); // hidden state 1 of the stack
    }

    [Fact]
    public async Task Bad_extraction_arguments_name_the_option_or_the_file()
    {
        var (noCheckpoint, _, noCheckpointErrors) = await cli.RunAsync("features", "extract", "--wav", Path.Combine(Fixtures, "Features", "speech_like.wav"), "--extractor", "wav2vec2", "--output", Output("x.npy"));
        var (badLayer, _, badLayerErrors) = await cli.RunAsync("features", "extract", "--wav", Path.Combine(Fixtures, "Features", "speech_like.wav"), "--extractor", "wav2vec2",
            "--checkpoint", Path.Combine(Fixtures, "Wav2Vec2", "hf_large"), "--layer", "99", "--output", Output("x.npy"));
        var notWav = Output("not.wav");
        File.WriteAllText(notWav, "hello");
        var (badWav, _, badWavErrors) = await cli.RunAsync("features", "extract", "--wav", notWav, "--output", Output("x.npy"));
        // A checkpoint whose weights do not fit its config.json (the "base" fixture's weights, the "large" one's config).
        var misfit = Directory.CreateDirectory(Output("misfit")).FullName;
        File.Copy(Path.Combine(Fixtures, "Wav2Vec2", "hf_large", "config.json"), Path.Combine(misfit, "config.json"));
        File.Copy(Path.Combine(Fixtures, "Wav2Vec2", "hf_base", "pytorch_model.bin"), Path.Combine(misfit, "pytorch_model.bin"));
        var (badWeights, _, badWeightsErrors) = await cli.RunAsync("features", "extract", "--wav", Path.Combine(Fixtures, "Features", "speech_like.wav"), "--extractor", "wav2vec2",
            "--checkpoint", misfit, "--output", Output("x.npy"));

        Assert.Equal(1, noCheckpoint);
        Assert.Contains("--checkpoint: wav2vec 2.0 needs a checkpoint", noCheckpointErrors);
        Assert.Equal(1, badLayer);
        Assert.Contains("layer 99", badLayerErrors);
        Assert.Equal(1, badWav);
        Assert.Contains(notWav, badWavErrors);
        Assert.Equal(1, badWeights);
        Assert.Contains(Path.Combine(misfit, "pytorch_model.bin") + ": the state dict does not fit", badWeightsErrors);
        Assert.DoesNotContain("Unhandled exception", badWeightsErrors);
    }

    public void Dispose() => Directory.Delete(cli.Home, recursive: true);
}
