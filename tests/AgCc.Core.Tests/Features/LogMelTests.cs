using AgCc.Core.Audio;
using AgCc.Core.Features;
using AgCc.Core.Formats;
using AgCc.Core.Torch.Features;
using TorchSharp;

namespace AgCc.Core.Tests.Features;

/// <summary>
/// Log-mel features against torchaudio 0.13.1's MelSpectrogram + log(mel + 1e-6) computed in
/// float64 (Fixtures/Features/make_logmel_fixtures.py): the float32 path within 1e-3 absolute on the
/// log values (the bar), the float64 path within 1e-9 (the same transform).
/// </summary>
[Trait("Category", Categories.Unit)]
public class LogMelTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Features");

    public static TheoryData<string, string> Cases => new()
    {
        { "speech_like", "htk" }, { "quiet_chirp", "htk" },
        { "speech_like", "slaney" }, { "quiet_chirp", "slaney" },
        { "speech_like", "fmin" }, { "quiet_chirp", "fmin" },
    };

    private static LogMelOptions OptionsFor(string variant) => variant switch
    {
        "htk" => new LogMelOptions(),
        "slaney" => new LogMelOptions { Scale = MelScale.Slaney, Norm = MelNorm.Slaney },
        "fmin" => new LogMelOptions { MinFrequency = 80, MaxFrequency = 7600 },
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float32_is_within_1e_3_and_float64_within_1e_9_of_torchaudio_in_double(string input, string variant)
    {
        var clip = WavReader.Read(Path.Combine(Folder, input + ".wav"));
        var reference = Npy.Read(File.ReadAllBytes(Path.Combine(Folder, $"{input}.logmel_{variant}.npy")), variant);
        var (mels, frames) = (reference.Shape[0], reference.Shape[1]);

        foreach (var (dtype, tolerance) in new[] { (torch.ScalarType.Float32, 1e-3), (torch.ScalarType.Float64, 1e-9) })
        {
            using var logMel = new LogMelSpectrogram(OptionsFor(variant), dtype: dtype);
            using var samples = torch.tensor(clip.Samples.Select(s => (double)s).ToArray());
            using var features = logMel.Compute(samples);
            Assert.Equal([frames, mels], features.shape);
            var values = features.to(torch.ScalarType.Float64).data<double>().ToArray();
            var worst = 0.0;
            for (var t = 0; t < frames; t++)
                for (var m = 0; m < mels; m++)
                    worst = Math.Max(worst, Math.Abs(values[t * mels + m] - reference.Values[m * frames + t]));
            Assert.True(worst <= tolerance, $"{dtype}: largest difference {worst:E2} > {tolerance:E0}");
        }
    }

    [Fact]
    public void Utterance_normalisation_gives_zero_mean_unit_variance_per_bin()
    {
        var clip = WavReader.Read(Path.Combine(Folder, "speech_like.wav"));
        using var logMel = new LogMelSpectrogram(new LogMelOptions { Normalization = FeatureNormalization.Utterance }, dtype: torch.ScalarType.Float64);
        var values = logMel.Compute(clip.Samples, out var frames);
        for (var m = 0; m < 80; m++)
        {
            var column = Enumerable.Range(0, frames).Select(t => (double)values[t * 80 + m]).ToArray();
            Assert.Equal(0.0, column.Average(), 1e-4);
            var variance = column.Select(v => v * v).Average();
            Assert.InRange(variance, 0.98, 1.0001);
        }
    }

    [Fact]
    public void Bad_options_name_every_field_at_fault()
    {
        var error = Assert.Throws<ArgumentException>(() => new LogMelSpectrogram(new LogMelOptions { HopLength = 0, Mels = 0, MaxFrequency = 9000 }));
        Assert.Contains("hopLength", error.Message);
        Assert.Contains("mels", error.Message);
        Assert.Contains("maxFrequency", error.Message);
    }

    [Fact]
    public void Npy_round_trips_float32_and_reads_what_numpy_wrote()
    {
        using var stream = new MemoryStream();
        float[] values = [1.5f, -2.25f, 3e-8f, 4f, 5f, 6f];
        Npy.Write(stream, values, 2, 3);
        Assert.Equal(0, (int)(stream.Length - 6 * 4) % 64);
        var read = Npy.Read(stream.ToArray(), "round trip");
        Assert.Equal([2, 3], read.Shape);
        Assert.Equal(values.Select(v => (double)v), read.Values);

        var numpy = Npy.Read(File.ReadAllBytes(Path.Combine(Folder, "speech_like.logmel_htk.npy")), "numpy");
        Assert.Equal([80, 161], numpy.Shape);
        Assert.Equal(-13.815510557964274, numpy.Values.Min()); // log(1e-6): the exact zeros of the pause
    }
}
