using AgCc.Core.Corpora;
using AgCc.Core.Features;
using AgCc.Core.Training.Data;
using AgCc.Grains.Training;
using Microsoft.Extensions.Options;

namespace AgCc.Grains.Tests.Training;

/// <summary>The silo's feature-set cache: one read for concurrent runs, least recently used out past the budget, failures not kept, 0 MB off.</summary>
[Trait("Category", Categories.Grain)]
public sealed class CorpusFeaturesCacheTests
{
    [Fact]
    public async Task Concurrent_runs_share_one_read_and_later_runs_reuse_it()
    {
        var cache = Cache(megabytes: 4);
        var reads = 0;
        var gate = new TaskCompletionSource<CorpusFeatures>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<CorpusFeatures> Read() { Interlocked.Increment(ref reads); return gate.Task; }

        var first = cache.GetAsync("a", Read, CancellationToken.None);
        var second = cache.GetAsync("a", Read, CancellationToken.None);
        gate.SetResult(Set("a", floats: 1000));
        Assert.Same(await first, await second);
        Assert.Same(await first, await cache.GetAsync("a", Read, CancellationToken.None));
        Assert.Equal(1, reads);
        Assert.Equal((1, 4000L), cache.Size());
    }

    [Fact]
    public async Task Past_the_budget_the_least_recently_used_set_leaves()
    {
        var cache = Cache(megabytes: 1);
        var reads = new List<string>();
        Task<CorpusFeatures> Read(string key) { reads.Add(key); return Task.FromResult(Set(key, floats: 100_000)); } // 400 kB each

        await cache.GetAsync("a", () => Read("a"), CancellationToken.None);
        await cache.GetAsync("b", () => Read("b"), CancellationToken.None);
        await cache.GetAsync("a", () => Read("a"), CancellationToken.None); // a is now the newer
        await cache.GetAsync("c", () => Read("c"), CancellationToken.None); // 1.2 MB: b leaves
        await cache.GetAsync("a", () => Read("a"), CancellationToken.None);
        await cache.GetAsync("b", () => Read("b"), CancellationToken.None);
        Assert.Equal(["a", "b", "c", "b"], reads);
        Assert.True(cache.Size().Bytes <= 1024 * 1024);
    }

    [Fact]
    public async Task A_failed_read_is_not_kept_and_a_zero_budget_reads_every_time()
    {
        var cache = Cache(megabytes: 4);
        await Assert.ThrowsAsync<IOException>(() => cache.GetAsync("a", () => Task.FromException<CorpusFeatures>(new IOException("blob gone")), CancellationToken.None));
        var set = Set("a", floats: 10);
        Assert.Same(set, await cache.GetAsync("a", () => Task.FromResult(set), CancellationToken.None));

        var off = Cache(megabytes: 0);
        var reads = 0;
        for (var i = 0; i < 3; i++) await off.GetAsync("a", () => { reads++; return Task.FromResult(set); }, CancellationToken.None);
        Assert.Equal(3, reads);
        Assert.Equal((0, 0L), off.Size());
    }

    private static CorpusFeaturesCache Cache(int megabytes) => new(Options.Create(new TrainingOptions { FeatureCacheMegabytes = megabytes }));

    private static CorpusFeatures Set(string name, int floats) =>
        new(name, new FeatureLayout(1, 10, new FrameTiming(100, 0.0)), [new LabelledFeatures("s1", Emotion.Neutral, new UtteranceFeatures("u1", floats / 10, new float[floats], []))]);
}
