using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Ingestion;
using AgCc.Core.Gestures;
using AgCc.Grains.Corpora;
using AgCc.Grains.Gestures;
using Orleans.Runtime;

namespace AgCc.Grains.Tests;

/// <summary>
/// The GestureClustering grain on the in-process cluster: it fits what the core k-means fits (bit
/// for bit, with the same partition split), over partition grains on both silos, and summarises
/// the clusters per corpus, emotion and phone.
/// </summary>
[Trait("Category", Categories.Grain)]
[Collection(ClusterCollection.Name)]
public sealed class GestureClusteringTests(ClusterFixture fixture) : IAsyncLifetime
{
    private readonly TinyCorpus first = new(utterances: 12);
    private readonly TinyCorpus second = new(utterances: 8, phase: 1.7f);
    private readonly string firstName = UniqueName("gest-a");
    private readonly string secondName = UniqueName("gest-b");

    private static string UniqueName(string stem) => $"{stem}-{Guid.NewGuid():N}"[..20];

    private GestureClusteringSpec Spec => new([firstName, secondName])
    {
        Clusters = 4,
        MaxIterations = 6,
        Seed = 2,
        Partitions = 3,
        Temperature = 0.5,
    };

    public async Task InitializeAsync()
    {
        await fixture.Client.AddCorpusAsync(firstName, CorpusLayout.Manifest, first.Root);
        await fixture.Client.AddCorpusAsync(secondName, CorpusLayout.Manifest, second.Root);
        await fixture.Client.IngestAsync(firstName, pollInterval: TimeSpan.FromMilliseconds(50));
        await fixture.Client.IngestAsync(secondName, pollInterval: TimeSpan.FromMilliseconds(50));
    }

    public Task DisposeAsync()
    {
        first.Dispose();
        second.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_grain_fit_equals_the_core_fit_and_summarises_its_clusters()
    {
        var name = UniqueName("fit");
        var reports = new List<GestureClusteringStatus>();
        var done = await fixture.Client.FitGesturesAsync(name, Spec, new Progress<GestureClusteringStatus>(reports.Add), TimeSpan.FromMilliseconds(20));

        Assert.True(done.Stage == GestureClusteringStage.Completed, done.Failure);
        var (series, segments) = await SegmentsAsync();
        Assert.Equal((series.Count, series.Count), (done.Segments, done.FitSegments));
        var expected = TimeSeriesKMeans.Fit(series, new TimeSeriesKMeansOptions { Clusters = 4, MaxIterations = 6, Seed = 2, Partitions = 3 });

        var result = await fixture.Client.GetGestureClusteringResultAsync(name);
        Assert.NotNull(result);
        Assert.Equal(expected.Inertia, result.Inertia); // bit for bit
        Assert.Equal(expected.Iterations, result.Iterations);
        Assert.Equal(expected.InertiaTrace, done.InertiaTrace);
        Assert.Equal(expected.MovedTrace, done.MovedTrace);
        Assert.Equal(series.Count, done.MovedTrace[0]);
        for (var c = 0; c < 4; c++) Assert.Equal(expected.Centers[c].Values.Select(v => (float)v), result.Centers.Values[c]);

        var assignments = await fixture.Client.GetSegmentAssignmentsAsync(name, 0, 1000);
        Assert.Equal(expected.Labels, assignments.Select(a => a.Cluster));
        Assert.Equal(segments, assignments.Select(a => (a.Corpus, a.Utterance, a.Phone)));
        foreach (var a in assignments)
        {
            Assert.Equal(1.0, a.Memberships.Sum(), 1e-12);
            Assert.Equal(a.Cluster, a.Memberships.Select((p, c) => (p, c)).MaxBy(x => x.p).c);
        }

        // Statistics agree with the assignments.
        Assert.Equal(4, result.Clusters.Count);
        Assert.Equal(series.Count, result.Clusters.Sum(c => c.Size));
        foreach (var cluster in result.Clusters)
        {
            var members = assignments.Where(a => a.Cluster == cluster.Cluster).ToList();
            Assert.Equal(members.Count, cluster.Size);
            Assert.Equal(members.Count(m => m.Corpus == firstName), cluster.ByCorpus[firstName]);
            Assert.Equal(members.Count(m => m.Corpus == secondName && m.Emotion == Emotion.Anger), cluster.EmotionsByCorpus[secondName][Emotion.Anger]);
            Assert.Equal(members.Count(m => m.Phone == "AH"), cluster.ByPhone.GetValueOrDefault("AH"));
            Assert.Equal(cluster.ByCorpus.Values.All(n => n > 0), cluster.Common);
            Assert.Equal(cluster.Common, cluster.JensenShannon is not null);
            if (cluster.JensenShannon is { } js) Assert.InRange(js, 0.0, 1.0);
        }
        Assert.Contains(reports, r => r.Stage == GestureClusteringStage.Completed);

        // The blobs the status names are there.
        Assert.NotNull(await fixture.Artifacts.ReadAsync(done.Artifacts!.Centers));
        Assert.NotNull(await fixture.Artifacts.ReadAsync(done.Artifacts.Assignments));
    }

    [Fact]
    public async Task Starting_again_with_the_same_spec_is_a_no_op_and_a_bad_spec_names_every_problem()
    {
        var name = UniqueName("again");
        var done = await fixture.Client.FitGesturesAsync(name, Spec, pollInterval: TimeSpan.FromMilliseconds(20));
        var again = await fixture.Client.StartGestureClusteringAsync(name, Spec with { Corpora = [.. Spec.Corpora] });
        Assert.Equal((done.Generation, GestureClusteringStage.Completed, done.FinishedAt), (again.Generation, again.Stage, again.FinishedAt));

        // Tolerance 0 is a default value on the wire: it must not come back as the spec's 1e-6.
        var changed = await fixture.Client.FitGesturesAsync(name, Spec with { Seed = 3, Tolerance = 0 }, pollInterval: TimeSpan.FromMilliseconds(20));
        Assert.Equal(done.Generation + 1, changed.Generation);
        Assert.Equal(0.0, changed.Spec!.Tolerance);
        Assert.Equal(Spec.MaxIterations, changed.Iteration); // tolerance 0: every iteration runs

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            fixture.Client.StartGestureClusteringAsync(UniqueName("bad"), Spec with { Clusters = 0, Gamma = -1, Corpora = [] }));
        Assert.Contains("clusters:", error.Message);
        Assert.Contains("gamma:", error.Message);
        Assert.Contains("corpora:", error.Message);
        Assert.Contains(name, (await fixture.Client.ListGestureClusteringsAsync()).Select(s => s.Name));
    }

    [Fact]
    public async Task Partitions_spread_evenly_over_the_silos()
    {
        var name = UniqueName("spread");
        var done = await fixture.Client.FitGesturesAsync(name, Spec with { Partitions = 4, MaxIterations = 1 }, pollInterval: TimeSpan.FromMilliseconds(20));
        Assert.True(done.Stage == GestureClusteringStage.Completed, done.Failure);

        var management = fixture.Cluster.Client.GetGrain<IManagementGrain>(0);
        var statistics = await management.GetDetailedGrainStatistics();
        var mine = statistics.Where(s => s.GrainId.Key.ToString()!.Contains(name, StringComparison.Ordinal) && s.GrainType.Contains("Partition")).ToList();
        Assert.Equal(4, mine.Count);
        Assert.All(mine.GroupBy(s => s.SiloAddress), silo => Assert.Equal(2, silo.Count()));
    }

    [Fact]
    public async Task A_subsample_is_fitted_and_every_segment_assigned()
    {
        var name = UniqueName("sub");
        var done = await fixture.Client.FitGesturesAsync(name, Spec with { FitSubsample = 30 }, pollInterval: TimeSpan.FromMilliseconds(20));

        Assert.True(done.Stage == GestureClusteringStage.Completed, done.Failure);
        Assert.Equal(30, done.FitSegments);
        Assert.Equal(done.Segments, (await fixture.Client.GetSegmentAssignmentsAsync(name, 0, 1000)).Count);
        Assert.Equal(30, done.MovedTrace[0]);
    }

    [Fact]
    public async Task A_corpus_that_is_not_ingested_fails_the_clustering_with_its_name()
    {
        var name = UniqueName("missing");
        var done = await fixture.Client.FitGesturesAsync(name, Spec with { Corpora = [firstName, "no-such-corpus"] }, pollInterval: TimeSpan.FromMilliseconds(20));
        Assert.Equal(GestureClusteringStage.Failed, done.Stage);
        Assert.Contains("no-such-corpus", done.Failure);
    }

    /// <summary>The segments in the clustering's order, read independently from the ingestion's batch artifacts.</summary>
    private async Task<(List<TimeSeries> Series, List<(string, string, string)> Ids)> SegmentsAsync()
    {
        var series = new List<TimeSeries>();
        var ids = new List<(string, string, string)>();
        foreach (var corpus in new[] { firstName, secondName })
        {
            var progress = (await fixture.Client.GetCorpusSummaryAsync(corpus)).Ingestion;
            for (var batch = 0; batch * 4 < progress.Listed; batch++)
            {
                var bytes = await fixture.Artifacts.ReadAsync(CorpusArtifacts.Batch(corpus, progress.Generation, batch));
                foreach (var utterance in UtteranceBatchFormat.Read(bytes!, "batch"))
                {
                    foreach (var segment in utterance.Segments)
                    {
                        series.Add(new TimeSeries(segment.Frames, 40, [.. segment.Values.Select(v => (double)v)]));
                        ids.Add((corpus, utterance.Source.Id, segment.Phone));
                    }
                }
            }
        }
        return (series, ids);
    }
}
