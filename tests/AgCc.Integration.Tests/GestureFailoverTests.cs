using AgCc.Artifacts;
using AgCc.Client;
using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Ingestion;
using AgCc.Core.Gestures;
using AgCc.Core.Synthesis;
using AgCc.Grains.Corpora;
using AgCc.Grains.Gestures;
using AgCc.Hosting;
using AgCc.LocalStack;

namespace AgCc.Integration.Tests;

/// <summary>
/// A gesture clustering through real silo processes on Azurite: the cluster's only silo is killed
/// in the middle of the fit and a new one started; the fit resumes from its last checkpoint and
/// ends with exactly the result of an uninterrupted fit (computed here by the core k-means over the
/// same segments with the same partition split, which the grain tests show the grain equals).
/// </summary>
[Trait("Category", Categories.Integration)]
public class GestureFailoverTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Corpus = "crema-gestures";

    [Fact]
    public async Task A_silo_killed_mid_fit_ends_with_the_uninterrupted_result()
    {
        var corpora = Path.Combine(azurite.Folder, "synth-gestures");
        var sizes = SynthesisSizes.For(SynthesisPreset.Demo) with { CremaActors = 4, CremaUtterances = 40, MspSessions = 1, MspUtterances = 4 };
        SyntheticCorpora.Write(corpora, sizes, seed: 9);
        var settings = new AgCcSettings(azurite.Server.ConnectionString, "gesture-failover", AgCcSettings.DefaultServiceId);
        var processes = new StackProcesses(StackBinaries.Load(), settings, Path.Combine(azurite.Folder, "logs-gestures"),
            new Dictionary<string, string>(SiloLaunch.FastFailureDetection) { ["AgCc__Gestures__RetryDelay"] = "00:00:00.200" });
        // Tolerance 0: every fit runs all its iterations, long enough to be cut in the middle.
        var spec = new GestureClusteringSpec([Corpus]) { Clusters = 6, MaxIterations = 14, Tolerance = 0, Seed = 4, Partitions = 4 };

        GestureClusteringStatus cut;
        await using (var first = await processes.StartSiloAsync(SiloLaunch.WithFreePorts("first", "cpu")))
        {
            await using var client = await AgCcClient.ConnectAsync(settings);
            await client.AddCorpusAsync(Corpus, CorpusLayout.CremaD, Path.Combine(corpora, SyntheticCorpora.CremaDFolder));
            await client.IngestAsync(Corpus, pollInterval: TimeSpan.FromMilliseconds(100));
            await client.StartGestureClusteringAsync("failover", spec);

            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
            do
            {
                await timer.WaitForNextTickAsync();
                cut = await client.GetGestureClusteringStatusAsync("failover");
            }
            while (cut.Stage != GestureClusteringStage.Failed && cut.Iteration < 3);
            Assert.True(cut.Stage == GestureClusteringStage.Fitting && cut.Iteration < spec.MaxIterations,
                $"the fit was {cut.Stage} at iteration {cut.Iteration} before the silo could be killed ({cut.Failure})");
            await first.KillAsync();
        }

        await using var second = await processes.StartSiloAsync(SiloLaunch.WithFreePorts("second", "cpu"));
        await using var reconnected = await AgCcClient.ConnectAsync(settings);
        // Any call activates the clustering on the new silo, which resumes the fit.
        var done = await reconnected.FitGesturesAsync("failover", spec, pollInterval: TimeSpan.FromMilliseconds(200));

        Assert.True(done.Stage == GestureClusteringStage.Completed, done.Failure);
        Assert.True(done.Resumes >= 1, "the clustering did not resume on the new silo");
        var expected = TimeSeriesKMeans.Fit(await SegmentsAsync(settings, reconnected), new TimeSeriesKMeansOptions
        {
            Clusters = spec.Clusters, MaxIterations = spec.MaxIterations, Tolerance = 0, Seed = spec.Seed, Partitions = spec.Partitions,
        });
        var result = await reconnected.GetGestureClusteringResultAsync("failover");
        Assert.NotNull(result);
        Assert.Equal(expected.InertiaTrace, done.InertiaTrace); // bit for bit, every iteration
        Assert.Equal(expected.Inertia, result.Inertia);
        for (var c = 0; c < spec.Clusters; c++) Assert.Equal(expected.Centers[c].Values.Select(v => (float)v), result.Centers.Values[c]);
        var assignments = await reconnected.GetSegmentAssignmentsAsync("failover", 0, 1000);
        Assert.Equal(expected.Labels.Take(1000), assignments.Select(a => a.Cluster));
    }

    /// <summary>The corpus's gesture segments in batch order, read from the ingestion's blobs.</summary>
    private static async Task<List<TimeSeries>> SegmentsAsync(AgCcSettings settings, AgCcClient client)
    {
        var store = new BlobArtifactStore(StorageClients.Blobs(settings.StorageConnectionString));
        var generation = (await client.GetCorpusSummaryAsync(Corpus)).Ingestion.Generation;
        var series = new List<TimeSeries>();
        for (var batch = 0; await store.ReadAsync(CorpusArtifacts.Batch(Corpus, generation, batch)) is { } bytes; batch++)
        {
            foreach (var utterance in UtteranceBatchFormat.Read(bytes, $"batch {batch}"))
                foreach (var segment in utterance.Segments)
                    series.Add(new TimeSeries(segment.Frames, 40, [.. segment.Values.Select(v => (double)v)]));
        }
        return series;
    }
}
