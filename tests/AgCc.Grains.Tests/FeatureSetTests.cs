using AgCc.Core.Audio;
using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Layouts;
using AgCc.Core.Features;
using AgCc.Core.Torch.Features;
using AgCc.Grains.Features;

namespace AgCc.Grains.Tests;

/// <summary>
/// The FeatureSet grain on the in-process cluster: its blobs hold exactly what the extractor gives
/// for each utterance's WAV, with the phones' frame ranges and the corpus statistics; a second
/// start reuses them; a failed batch write resumes at that batch; an unreadable WAV is left out
/// with its reason while the rest goes on.
/// </summary>
[Trait("Category", Categories.Grain)]
[Collection(ClusterCollection.Name)]
public sealed class FeatureSetTests(ClusterFixture fixture) : IDisposable
{
    private readonly TinyCorpus corpus = new(utterances: 10);
    private readonly string name = $"feat-{Guid.NewGuid():N}"[..20];

    public void Dispose() => corpus.Dispose();

    private async Task IngestAsync()
    {
        await fixture.Client.AddCorpusAsync(name, CorpusLayout.Manifest, corpus.Root);
        await fixture.Client.IngestAsync(name, pollInterval: TimeSpan.FromMilliseconds(50));
    }

    private async Task<Dictionary<string, UtteranceFeatures>> ReadAsync(FeatureSetStatus status)
    {
        var all = new Dictionary<string, UtteranceFeatures>();
        foreach (var blob in status.Artifacts)
        {
            var (layout, utterances) = FeatureBatchFormat.Read(await fixture.Artifacts.ReadAsync(blob), blob);
            Assert.Equal((status.Shape!.Planes, status.Shape.Dimensions, status.Shape.FrameRate), (layout.Planes, layout.Dimensions, layout.Timing.Rate));
            foreach (var u in utterances) all.Add(u.Utterance, u);
        }
        return all;
    }

    [Fact]
    public async Task Log_mel_features_of_every_utterance_are_stored_once_and_reused()
    {
        await IngestAsync();
        var spec = FeatureSpec.LogMel with { Normalization = FeatureNormalization.Corpus };
        var done = await fixture.Client.ExtractFeaturesAsync(name, spec, pollInterval: TimeSpan.FromMilliseconds(20));

        Assert.True(done.Stage == FeatureSetStage.Completed, done.Failure);
        Assert.Equal((3, 3, 10, 0), (done.Batches, done.BatchesDone, done.Utterances, done.Rejections.Count)); // 10 utterances in batches of 4
        Assert.Equal(new FeatureSetShape(1, 80, 100, 0), done.Shape);
        Assert.Equal("cpu", done.Device);
        Assert.Equal(10.0, done.AudioSeconds, 9);
        Assert.InRange(done.ExtractionSeconds, 0, done.Elapsed.TotalSeconds);

        var features = await ReadAsync(done);
        Assert.Equal(corpus.Ids.Order(), features.Keys.Order());
        using var logMel = new LogMelSpectrogram();
        var statistics = new FeatureStatistics(80);
        foreach (var id in corpus.Ids)
        {
            var audio = AudioLoader.Load(Path.Combine(corpus.Root, "wav", id + ".wav"));
            var expected = logMel.Compute(audio.Samples, out var frames);
            var stored = features[id];
            Assert.Equal(101, stored.Frames); // 1 s at 100 Hz, centred frames
            Assert.Equal(expected, stored.Values); // bit for bit
            statistics.Add(expected);
            // TinyCorpus phones: HH 0.1–0.3 s, AH 0.3–0.5 s, L, OW; centred frames at 10 ms.
            Assert.Equal(new PhoneFrames("HH", 0.1, 0.3, 10, 30), stored.Phones[0]);
            Assert.Equal(new PhoneFrames("AH", 0.3, 0.5, 30, 50), stored.Phones[1]);
        }
        Assert.Equal(statistics.Frames, done.Frames);
        var blob = await fixture.Artifacts.ReadAsync(done.Statistics!);
        var fromBlob = FeatureStatisticsDocument.Read(blob, done.Statistics!);
        Assert.Equal(statistics.Mean(), fromBlob.Mean(), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(statistics.StandardDeviation(), fromBlob.StandardDeviation(), (a, b) => Math.Abs(a - b) < 1e-9);

        // Read back for training: normalised per dimension over the whole corpus.
        var normalised = new List<float>();
        await foreach (var u in FeatureSetReader.ReadAsync(fixture.Artifacts, done, FeatureNormalization.Corpus)) normalised.AddRange(u.Values);
        var check = new FeatureStatistics(80);
        check.Add(normalised.ToArray());
        Assert.All(check.Mean(), m => Assert.Equal(0, m, 4));
        Assert.All(check.StandardDeviation().Where((_, d) => statistics.StandardDeviation()[d] > 1e-3), s => Assert.Equal(1, s, 3));

        // Reuse: the same spec on the same ingestion comes back completed, nothing recomputed.
        var again = await fixture.Client.StartFeatureSetAsync(name, spec);
        Assert.Equal((FeatureSetStage.Completed, done.Generation, done.StartedAt, done.FinishedAt), (again.Stage, again.Generation, again.StartedAt, again.FinishedAt));
        Assert.Contains(await fixture.Client.ListFeatureSetsAsync(), s => s.Corpus == name && s.Key == spec.Key);
    }

    [Fact]
    public async Task A_failed_batch_write_resumes_at_that_batch_and_ends_equal()
    {
        await IngestAsync();
        var spec = FeatureSpec.LogMel with { Normalization = FeatureNormalization.Utterance };
        // Generation 1 of this set; its second batch's first write fails.
        fixture.Artifacts.FailWrites(FeatureArtifacts.Batch(name, spec.Key, 1, 1));
        var done = await fixture.Client.ExtractFeaturesAsync(name, spec, pollInterval: TimeSpan.FromMilliseconds(20));

        Assert.True(done.Stage == FeatureSetStage.Completed, done.Failure);
        Assert.Equal((1, 10), (done.Resumes, done.Utterances));
        var features = await ReadAsync(done);
        using var extractor = FeatureExtractors.Create(spec);
        foreach (var id in corpus.Ids)
        {
            var audio = AudioLoader.Load(Path.Combine(corpus.Root, "wav", id + ".wav"));
            var expected = extractor.Extract(id, audio.Samples, []);
            Assert.Equal(expected.Values, features[id].Values);
            Assert.Equal(0.0, features[id].Values.Where((_, i) => i % 80 == 5).Average(), 4); // normalised per utterance
        }
    }

    [Fact]
    public async Task An_unreadable_wav_is_left_out_with_its_reason_and_the_rest_goes_on()
    {
        await IngestAsync();
        var broken = corpus.Break(corpus.Ids[5]);

        var done = await fixture.Client.ExtractFeaturesAsync(name, FeatureSpec.LogMel, pollInterval: TimeSpan.FromMilliseconds(20));

        Assert.True(done.Stage == FeatureSetStage.Completed, done.Failure);
        Assert.Equal(9, done.Utterances);
        var rejection = Assert.Single(done.Rejections);
        Assert.StartsWith(corpus.Ids[5] + ": ", rejection);
        Assert.Contains(broken, rejection);
        Assert.DoesNotContain(corpus.Ids[5], (await ReadAsync(done)).Keys);
    }

    [Fact]
    public async Task Wav2vec2_features_come_from_the_checkpoint_at_its_conv_stack_rate()
    {
        await IngestAsync();
        var checkpoint = Path.Combine(AppContext.BaseDirectory, "Fixtures", "hf_large"); // a tiny random "large"-variant checkpoint in Hugging Face's format
        var spec = FeatureSpec.Wav2Vec2(checkpoint, layer: "1");

        var done = await fixture.Client.ExtractFeaturesAsync(name, spec, pollInterval: TimeSpan.FromMilliseconds(20));

        Assert.True(done.Stage == FeatureSetStage.Completed, done.Failure);
        using var extractor = FeatureExtractors.Create(spec);
        var layout = extractor.Layout;
        Assert.Equal(new FeatureSetShape(1, layout.Dimensions, layout.Timing.Rate, layout.Timing.FirstCentre), done.Shape);
        var features = await ReadAsync(done);
        var id = corpus.Ids[3];
        var audio = AudioLoader.Load(Path.Combine(corpus.Root, "wav", id + ".wav"));
        var expected = extractor.Extract(id, audio.Samples, []);
        Assert.Equal(extractor.Frames(16000), features[id].Frames);
        Assert.Equal(expected.Values, features[id].Values);
        var (first, end) = layout.Timing.Frames(0.1, 0.3, features[id].Frames);
        Assert.Equal(new PhoneFrames("HH", 0.1, 0.3, first, end), features[id].Phones[0]);
        Assert.InRange(first * (1 / layout.Timing.Rate) + layout.Timing.FirstCentre, 0.1, 0.1 + 1 / layout.Timing.Rate);
    }

    [Fact]
    public async Task A_bad_checkpoint_fails_the_set_and_names_the_file()
    {
        await IngestAsync();
        var spec = FeatureSpec.Wav2Vec2("/no/such/checkpoint");

        var done = await fixture.Client.ExtractFeaturesAsync(name, spec, pollInterval: TimeSpan.FromMilliseconds(20));

        Assert.Equal(FeatureSetStage.Failed, done.Stage);
        Assert.Contains("/no/such/checkpoint", done.Failure);
    }
}
