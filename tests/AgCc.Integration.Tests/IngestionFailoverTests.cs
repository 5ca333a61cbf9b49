using AgCc.Client;
using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Ingestion;
using AgCc.Core.Synthesis;
using AgCc.Grains.Corpora;
using AgCc.Hosting;
using AgCc.LocalStack;
using AgCc.Artifacts;

namespace AgCc.Integration.Tests;

/// <summary>
/// Ingestion through real silo processes on Azurite: the cluster's only silo is killed in the
/// middle of an ingestion and a new one started; the ingestion resumes from its durable progress
/// and ends with exactly what offline validation accepts, every utterance stored once.
/// </summary>
[Trait("Category", Categories.Integration)]
public class IngestionFailoverTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_silo_killed_mid_ingestion_loses_nothing_and_duplicates_nothing()
    {
        var corpora = Path.Combine(azurite.Folder, "synth");
        var sizes = SynthesisSizes.For(SynthesisPreset.Demo) with { CremaActors = 4, CremaUtterances = 60, MspSessions = 1, MspUtterances = 4 };
        SyntheticCorpora.Write(corpora, sizes, seed: 5);
        var root = Path.Combine(corpora, SyntheticCorpora.CremaDFolder);
        var expected = CorpusValidator.Validate(CorpusLayout.CremaD, new CorpusLocation(root));

        var settings = new AgCcSettings(azurite.Server.ConnectionString, "ingest-failover", AgCcSettings.DefaultServiceId);
        // Small, one-at-a-time batches make the ingestion long enough to be cut in the middle.
        var processes = new StackProcesses(StackBinaries.Load(), settings, Path.Combine(azurite.Folder, "logs"),
            new Dictionary<string, string>(SiloLaunch.FastFailureDetection)
            {
                ["AgCc__Ingestion__BatchSize"] = "2",
                ["AgCc__Ingestion__ParallelBatches"] = "1",
            });

        await using (var first = await processes.StartSiloAsync(SiloLaunch.WithFreePorts("first", "cpu")))
        {
            await using var client = await AgCcClient.ConnectAsync(settings);
            await client.AddCorpusAsync("crema-synth", CorpusLayout.CremaD, root);
            var started = await client.StartIngestionAsync("crema-synth");
            Assert.Equal(IngestionState.Running, started.State);

            // Wait until some, not all, batches are durable; then crash the silo.
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            IngestionProgress progress;
            do
            {
                await timer.WaitForNextTickAsync();
                progress = (await client.GetCorpusSummaryAsync("crema-synth")).Ingestion;
            }
            while (progress.Processed < 6);
            Assert.True(progress.Processed < progress.Listed, "the ingestion finished before the silo could be killed");
            await first.KillAsync();
        }

        await using var second = await processes.StartSiloAsync(SiloLaunch.WithFreePorts("second", "cpu"));
        await using var reconnected = await AgCcClient.ConnectAsync(settings);
        // Any call activates the corpus on the new silo, which resumes the ingestion.
        var done = await reconnected.IngestAsync("crema-synth", pollInterval: TimeSpan.FromMilliseconds(200));

        Assert.Equal(IngestionState.Completed, done.State);
        Assert.Equal(expected.Accepted.Count, done.Accepted);
        Assert.Equal(expected.Rejected.Count, done.Rejected);

        var store = new BlobArtifactStore(StorageClients.Blobs(settings.StorageConnectionString));
        var stored = new List<string>();
        for (var batch = 0; batch * 2 < done.Listed; batch++)
        {
            var bytes = await store.ReadAsync(CorpusArtifacts.Batch("crema-synth", done.Generation, batch));
            Assert.NotNull(bytes);
            stored.AddRange(UtteranceBatchFormat.Read(bytes, $"batch {batch}").Select(u => u.Source.Id));
        }
        Assert.Equal(expected.Accepted, stored);

        var page = await reconnected.GetUtterancesAsync("crema-synth", 0, 1000);
        Assert.Equal(expected.Accepted, page.Rows.Select(r => r.Id));
    }
}
