using AgCc.Core.Training.Sampling;

namespace AgCc.Core.Tests.Training.Loop;

[Trait("Category", Categories.Unit)]
public sealed class SamplingTests
{
    [Fact]
    public void The_development_split_holds_out_whole_speakers_by_seed()
    {
        var speakers = Enumerable.Range(0, 100).Select(i => $"s{i % 20}").ToArray();
        var split = DevelopmentSplit.Of(speakers, 0.1, seed: 7);

        Assert.Equal(2, split.DevelopmentSpeakers.Count);
        Assert.Equal(100, split.Train.Length + split.Development.Length);
        Assert.Empty(split.Train.Select(i => speakers[i]).Intersect(split.Development.Select(i => speakers[i])));
        Assert.Equal(split.DevelopmentSpeakers, DevelopmentSplit.Of(speakers, 0.1, seed: 7).DevelopmentSpeakers);
        Assert.Contains(Enumerable.Range(8, 12), s => !DevelopmentSplit.Of(speakers, 0.1, s).DevelopmentSpeakers.SequenceEqual(split.DevelopmentSpeakers));
        Assert.Throws<InvalidDataException>(() => DevelopmentSplit.Of(["only", "only"], 0.1, 0));
    }

    [Fact]
    public void An_epoch_visits_every_training_utterance_once_in_balanced_batches()
    {
        var train = Enumerable.Range(0, 50).Select(i => i * 2).ToArray();
        var sampler = new EpochSampler(train, Frames(100, 40), Frames(30, 40), batchSize: 16, targetShare: 0.5, maxFrames: 0, seed: 1);

        var batches = Enumerable.Range(0, sampler.BatchesPerEpoch).Select(b => sampler.Batch(0, b)).ToList();
        var sources = batches.SelectMany(b => b.Where(i => !i.IsTarget).Select(i => i.Utterance)).ToList();

        Assert.Equal(train.Order(), sources.Order());
        Assert.All(batches, b => Assert.InRange(b.Count(i => !i.IsTarget), 7, 8));
        Assert.All(batches, b => Assert.InRange(b.Count(i => i.IsTarget), 7, 8));
        Assert.All(batches.SelectMany(b => b), i => Assert.Equal((0, 40), (i.FirstFrame, i.Frames)));
        Assert.NotEqual(sampler.Batch(0, 0), sampler.Batch(1, 0));
        Assert.Equal(sampler.Batch(3, 2), new EpochSampler(train, Frames(100, 40), Frames(30, 40), 16, 0.5, 0, 1).Batch(3, 2));
    }

    [Fact]
    public void Source_only_batches_have_no_target_and_long_utterances_get_a_window()
    {
        var frames = Enumerable.Range(0, 20).Select(i => 10 + 10 * i).ToArray();
        var sampler = new EpochSampler([.. Enumerable.Range(0, 20)], frames, [], batchSize: 8, targetShare: 0, maxFrames: 50, seed: 2);

        var items = Enumerable.Range(0, sampler.BatchesPerEpoch).SelectMany(b => sampler.Batch(0, b)).ToList();
        Assert.DoesNotContain(items, i => i.IsTarget);
        Assert.All(items, i =>
        {
            Assert.Equal(Math.Min(50, frames[i.Utterance]), i.Frames);
            Assert.InRange(i.FirstFrame, 0, frames[i.Utterance] - i.Frames);
        });
        Assert.Contains(items, i => i.FirstFrame > 0);
    }

    private static int[] Frames(int count, int frames) => Enumerable.Repeat(frames, count).ToArray();
}
