using AgCc.Core.Features;
using AgCc.Core.Torch.Features;
using AgCc.Core.Torch.Features.Wav2Vec2;

namespace AgCc.Core.Tests.Features;

[Trait("Category", Categories.Unit)]
public class FeatureExtractorTests
{
    [Fact]
    public void Wav2vec2_base_frames_come_at_50_Hz_centred_on_their_400_sample_receptive_field()
    {
        var timing = Wav2Vec2FeatureExtractor.Timing(Wav2Vec2Config.Base, 16000);

        Assert.Equal(new FrameTiming(50, 0.01246875), timing); // (400 − 1) / 2 samples
        Assert.Equal(49, Wav2Vec2Config.Base.Frames(16000));
    }

    [Fact]
    public void Log_mel_frames_are_centred_every_10_ms()
    {
        using var extractor = FeatureExtractors.Create(FeatureSpec.LogMel);

        Assert.Equal(new FeatureLayout(1, 80, new FrameTiming(100, 0)), extractor.Layout);
        Assert.Equal(101, extractor.Frames(16000));
        Assert.Equal(0, extractor.Frames(200)); // reflect padding needs more than half an FFT
        using var features = extractor.Extract(TorchSharp.torch.zeros(16000));
        Assert.Equal([1L, 101, 80], features.shape);
    }

    [Theory]
    [InlineData(0.1, 0.3, 101, 10, 30)] // centres 0.10 … 0.29
    [InlineData(0.101, 0.108, 101, 10, 11)] // no centre inside: the nearest to the midpoint
    [InlineData(0.95, 1.2, 101, 95, 101)] // clipped at the end
    [InlineData(-0.5, -0.1, 101, 0, 1)]
    [InlineData(0.1, 0.2, 0, 0, 0)]
    public void Phones_map_to_the_frames_whose_centres_they_hold(double start, double end, int frames, int first, int last)
    {
        Assert.Equal((first, last), new FrameTiming(100, 0).Frames(start, end, frames));
    }

    [Fact]
    public void Corpus_statistics_merge_and_normalise_to_zero_mean_and_unit_variance()
    {
        float[] a = [1, 10, 3, 10];
        float[] b = [5, 10];
        var statistics = new FeatureStatistics(2);
        statistics.Add(a);
        var other = new FeatureStatistics(2);
        other.Add(b);
        statistics.Merge(other);

        Assert.Equal(3, statistics.Frames);
        Assert.Equal([3.0, 10.0], statistics.Mean());
        Assert.Equal(Math.Sqrt(8.0 / 3), statistics.StandardDeviation()[0], 12);
        float[] all = [1, 10, 3, 10, 5, 10];
        statistics.Normalize(all);
        Assert.Equal(0, all[0] + all[2] + all[4], 5);
        Assert.Equal(0, all[1]); // a constant dimension stays finite
    }

    [Fact]
    public void Statistics_of_a_stack_added_plane_by_plane_equal_those_of_its_interleaved_frames()
    {
        // Two planes of 2 dims over 3 frames, plane-major as feature blobs store them.
        float[] planes = [1, 2, 3, 4, 5, 6, /* plane 1 */ 10, 20, 30, 40, 50, 60];
        float[] interleaved = [1, 2, 10, 20, 3, 4, 30, 40, 5, 6, 50, 60];
        var byPlane = new FeatureStatistics(4);
        byPlane.Add(planes.AsSpan(0, 6), 0, 2);
        byPlane.Add(planes.AsSpan(6, 6), 2, 2);
        var whole = new FeatureStatistics(4);
        whole.Add(interleaved);

        Assert.Equal(3, byPlane.Frames);
        Assert.Equal(whole.Sum, byPlane.Sum);
        Assert.Equal(whole.SumOfSquares, byPlane.SumOfSquares);
        Assert.Throws<ArgumentOutOfRangeException>(() => byPlane.Add(planes, 3, 2));
    }

    [Fact]
    public void Specs_name_their_problems_and_have_stable_keys()
    {
        Assert.Equal("logmel", FeatureSpec.LogMel.Key);
        Assert.Equal("logmel-cmvn-corpus", (FeatureSpec.LogMel with { Normalization = FeatureNormalization.Corpus }).Key);
        var wav2vec2 = FeatureSpec.Wav2Vec2("/models/wav2vec2-base", "6");
        Assert.Matches("^wav2vec2-wav2vec2-base-[0-9a-f]{8}-L6$", wav2vec2.Key);
        Assert.Equal(wav2vec2.Key, FeatureSpec.Wav2Vec2("/models/wav2vec2-base/", "6").Key);
        Assert.NotEqual(wav2vec2.Key, FeatureSpec.Wav2Vec2("/other/wav2vec2-base", "6").Key);
        Assert.EndsWith("-Llast", FeatureSpec.Wav2Vec2("/m/x.safetensors").Key);

        Assert.Contains("checkpoint: wav2vec 2.0 needs a checkpoint", string.Join("; ", new FeatureSpec(FeatureExtractorKind.Wav2Vec2, null, null, FeatureNormalization.None).Problems()));
        Assert.Contains("layer: layer selection \"x\"", string.Join("; ", FeatureSpec.Wav2Vec2("/m", "x").Problems()));
        Assert.Contains("checkpoint: the log-mel extractor takes no checkpoint", string.Join("; ", (FeatureSpec.LogMel with { Checkpoint = "/m" }).Problems()));
    }
}
