using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Ingestion;
using AgCc.Grains.Corpora;

namespace AgCc.Grains.Tests;

[Trait("Category", Categories.Grain)]
[Collection(ClusterCollection.Name)]
public sealed class CorpusIngestionTests(ClusterFixture fixture) : IDisposable
{
    private readonly TinyCorpus corpus = new(utterances: 10);

    private static string UniqueName(string stem) => $"{stem}-{Guid.NewGuid():N}"[..30];

    [Fact]
    public async Task Ingestion_accepts_good_utterances_rejects_a_broken_one_and_counts_them()
    {
        var broken = corpus.Break("utt004");
        var name = UniqueName("tiny");
        await fixture.Client.AddCorpusAsync(name, CorpusLayout.Manifest, corpus.Root);

        var done = await fixture.Client.IngestAsync(name, pollInterval: TimeSpan.FromMilliseconds(50));

        Assert.Equal(IngestionState.Completed, done.State);
        Assert.Equal((10, 10, 9, 1), (done.Listed, done.Processed, done.Accepted, done.Rejected));
        Assert.Equal(9 * 4, done.Segments);
        var rejection = Assert.Single(await fixture.Client.GetRejectionsAsync(name));
        Assert.Equal(("utt004", broken), (rejection.Utterance, rejection.File));

        var summary = await fixture.Client.GetCorpusSummaryAsync(name);
        Assert.Equal(9, summary.EmotionCounts.Values.Sum());
        Assert.Equal(2, summary.EmotionCounts[Emotion.Happiness]); // utt002 and utt006
        Assert.Equal(["spk0", "spk1", "spk2"], summary.SpeakerCounts.Keys.Order());

        // The batches hold exactly the accepted utterances, each with its segments.
        var stored = new List<IngestedUtterance>();
        for (var batch = 0; batch < 3; batch++)
        {
            var bytes = await fixture.Artifacts.ReadAsync(CorpusArtifacts.Batch(name, done.Generation, batch));
            stored.AddRange(UtteranceBatchFormat.Read(bytes!, "batch"));
        }
        Assert.Equal(corpus.Ids.Where(id => id != "utt004"), stored.Select(u => u.Source.Id));
        Assert.All(stored, u => Assert.Equal(["HH", "AH", "L", "OW"], u.Segments.Select(s => s.Phone)));
    }

    [Fact]
    public async Task Re_ingesting_an_unchanged_corpus_changes_nothing()
    {
        var name = UniqueName("again");
        await fixture.Client.AddCorpusAsync(name, CorpusLayout.Manifest, corpus.Root);
        var first = await fixture.Client.IngestAsync(name, pollInterval: TimeSpan.FromMilliseconds(50));

        var second = await fixture.Client.StartIngestionAsync(name);

        Assert.Equal(first, second);

        // A changed file is a new generation.
        corpus.Break("utt001");
        var third = await fixture.Client.IngestAsync(name, pollInterval: TimeSpan.FromMilliseconds(50));
        Assert.Equal((first.Generation + 1, 9), (third.Generation, third.Accepted));
    }

    [Fact]
    public async Task Ingested_utterances_are_listed_and_served_with_their_trajectory_and_audio()
    {
        corpus.Break("utt003");
        var name = UniqueName("served");
        await fixture.Client.AddCorpusAsync(name, CorpusLayout.Manifest, corpus.Root);
        await fixture.Client.IngestAsync(name, pollInterval: TimeSpan.FromMilliseconds(50));

        var page = await fixture.Client.GetUtterancesAsync(name, skip: 2, take: 3);
        Assert.Equal(9, page.Total);
        Assert.Equal(["utt002", "utt004", "utt005"], page.Rows.Select(r => r.Id));
        Assert.Equal(["utt007"], (await fixture.Client.GetUtterancesAsync(name, 0, 10, filter: "07")).Rows.Select(r => r.Id));

        var detail = await fixture.Client.GetUtteranceAsync(name, "utt005");
        Assert.NotNull(detail);
        Assert.Equal(("spk2", Emotion.Anger, 4), (detail.Speaker, detail.Emotion, detail.Segments));
        Assert.Equal(["HH", "AH", "L", "OW"], detail.Phones.Select(p => p.Label));
        Assert.Equal(31, detail.TrackTimestamps.Length);
        Assert.Equal(31 * 40, detail.TrackValues.Length);
        Assert.Equal("face", detail.Normalization);

        var audio = await fixture.Client.GetUtteranceAudioAsync(name, "utt005");
        Assert.Equal(File.ReadAllBytes(Path.Combine(corpus.Root, "wav", "utt005.wav")), audio);

        Assert.Null(await fixture.Client.GetUtteranceAsync(name, "utt003")); // rejected
        Assert.Null(await fixture.Client.GetUtteranceAsync(name, "nope"));
    }

    [Fact]
    public async Task Ingesting_an_unregistered_corpus_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Client.StartIngestionAsync(UniqueName("nobody")));
        Assert.Contains("is not registered", error.Message);
    }

    public void Dispose() => corpus.Dispose();
}
