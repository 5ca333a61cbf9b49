using System.Diagnostics;
using AgCc.Artifacts;
using AgCc.Client;
using AgCc.Core.Corpora;
using AgCc.Core.Synthesis;
using AgCc.Core.Training.Config;
using AgCc.Grains.Training;
using AgCc.Hosting;
using AgCc.LocalStack;
using Xunit.Abstractions;

namespace AgCc.Integration.Tests;

/// <summary>
/// Issue 6's bar, "killing the silo that runs a Trainer does not lose the run", through real silo
/// processes on Azurite: a run is trained undisturbed on a two-silo cluster, then the same config
/// under another id, whose trainer's silo is killed after its first checkpoint. The run must end
/// on the other silo, resumed from its checkpoint, with exactly the undisturbed run's metrics (both
/// silos train at torch's default thread count, so both runs do too).
/// </summary>
[Trait("Category", Categories.Integration)]
public class TrainingFailoverTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Killing_the_silo_that_runs_a_trainer_does_not_lose_the_run()
    {
        var data = Path.Combine(azurite.Folder, "synth-training");
        SyntheticCorpora.Write(data, SynthesisSizes.For(SynthesisPreset.Demo), seed: 6);
        var config = TinyConfig(data);
        var json = RunConfigJson.Write(config);

        var settings = new AgCcSettings(azurite.Server.ConnectionString, "training-failover", AgCcSettings.DefaultServiceId);
        // A supervisor that checks every second: the run's timer restarts the trainer soon after the loss is detected.
        var processes = new StackProcesses(StackBinaries.Load(), settings, Path.Combine(azurite.Folder, "logs-training"),
            new Dictionary<string, string>(SiloLaunch.FastFailureDetection) 
            {
                ["AgCc__Training__SupervisionInterval"] = "00:00:01",
                // When probes cannot declare the silo dead (two silos: no third to probe indirectly), its stale
                // I-am-alive row does: 2 × 2 s instead of 2 × 5 s.
                ["AgCc__Membership__IAmAliveTablePublishTimeout"] = "00:00:02",
                ["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ",
            });
        var launches = new[] { SiloLaunch.WithFreePorts("alpha", "cpu"), SiloLaunch.WithFreePorts("beta", "cpu") };
        var silos = (await Task.WhenAll(launches.Select(l => processes.StartSiloAsync(l))))
            .Zip(launches).ToDictionary(p => p.Second.Name, p => p.First);
        try
        {
            await using var client = await AgCcClient.ConnectAsync(settings);
            // The undisturbed run, with when each epoch arrived here: the failover run is measured against it.
            await client.LaunchRunAsync("undisturbed", json);
            var watch = Stopwatch.StartNew();
            var arrivals = new Dictionary<int, TimeSpan>();
            await foreach (var epoch in client.WatchRunAsync("undisturbed")) arrivals[epoch.Epoch] = watch.Elapsed;
            var reference = await client.GetRunStatusAsync("undisturbed");
            var referenceEnd = watch.Elapsed;
            Assert.True(reference.State == TrainingRunState.Completed, $"the undisturbed run ended {reference.State}: {reference.Failure}");

            await client.LaunchRunAsync("failover", json);
            var store = new BlobArtifactStore(StorageClients.Blobs(settings.StorageConnectionString));
            var first = await FirstEpochAsync(client, "failover");
            // The epoch is reported just before its checkpoint is written: wait for the blob, then cut.
            using (var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(20)))
                while (await store.ReadAsync(TrainingArtifacts.Checkpoint("failover")) is null) await poll.WaitForNextTickAsync();
            var cut = await client.GetRunStatusAsync("failover");
            Assert.True(cut.State == TrainingRunState.Training && cut.Epoch < config.Training.Epochs,
                $"the run was {cut.State} at epoch {cut.Epoch} of {cut.Epochs} before its silo could be killed ({cut.Failure})");
            var victim = cut.Silo ?? throw new InvalidOperationException("the training run names no silo");
            var clock = Stopwatch.StartNew();
            await silos[victim].KillAsync();

            var resumedAt = TimeSpan.Zero;
            var nextEpoch = 0;
            await foreach (var epoch in client.WatchRunAsync("failover"))
            {
                if (epoch.Epoch <= cut.Epoch || nextEpoch > 0) continue;
                (resumedAt, nextEpoch) = (clock.Elapsed, epoch.Epoch);
            }
            var done = await client.GetRunStatusAsync("failover");
            var recovered = clock.Elapsed;

            Assert.True(done.State == TrainingRunState.Completed, $"the run ended {done.State}: {done.Failure}");
            Assert.True(done.Resumes >= 1, "the run's trainer did not resume from its checkpoint");
            Assert.NotEqual(victim, done.Silo);
            var (expected, actual) = (reference.Result!, done.Result!);
            Assert.Equal(expected.Uar, actual.Uar);
            Assert.Equal(expected.WeightedAccuracy, actual.WeightedAccuracy);
            Assert.Equal(expected.MacroF1, actual.MacroF1);
            Assert.Equal(expected.PerClassRecall, actual.PerClassRecall);
            Assert.Equal(expected.Confusion, actual.Confusion);
            Assert.Equal(expected.BestEpoch, actual.BestEpoch);
            Assert.Equal(expected.Epochs, actual.Epochs);
            Assert.Equal(expected.Threads, actual.Threads);
            Assert.Equal(reference.History.Select(WithoutTime), done.History.Select(WithoutTime));

            // Lost: from the kill to the end, less what the undisturbed run took from the same epoch's report to its end.
            var lost = recovered - (referenceEnd - arrivals[cut.Epoch]);
            output.WriteLine(
                $"killed {victim} after epoch {cut.Epoch} (first seen at {first.Epoch}); resumed on {done.Silo}; epoch {nextEpoch} reported " +
                $"{resumedAt.TotalSeconds:F1} s after the kill; run completed {recovered.TotalSeconds:F1} s after it; time lost ≈ {lost.TotalSeconds:F1} s");
        }
        finally
        {
            foreach (var silo in silos.Values) await silo.DisposeAsync();
        }
    }

    /// <summary>The demo pair under a baseline model small enough for seconds per epoch on 2 cores (threads left to torch's default).</summary>
    private static RunConfig TinyConfig(string data) => new()
    {
        Method = TrainingMethod.Baseline,
        Task = "4class",
        Source = new CorpusReference("crema-d-synth", CorpusLayout.CremaD, Path.Combine(data, SyntheticCorpora.CremaDFolder)),
        Target = new CorpusReference("msp-improv-synth", CorpusLayout.MspImprov, Path.Combine(data, SyntheticCorpora.MspImprovFolder)),
        Model = new ModelConfig(Width: 32, Layers: 1, Heads: 2, FeedForward: 64, Dropout: 0.1, Hidden: [32]),
        Training = new OptimizationConfig(Epochs: 8, BatchSize: 32, LearningRate: 1e-3, Patience: 10, MaxFrames: 100),
    };

    private static async Task<EpochMetricsRecord> FirstEpochAsync(AgCcClient client, string run)
    {
        await foreach (var epoch in client.WatchRunAsync(run)) return epoch;
        var status = await client.GetRunStatusAsync(run);
        throw new InvalidOperationException($"run {run} ended {status.State} without an epoch: {status.Failure}");
    }

    private static EpochMetricsRecord WithoutTime(EpochMetricsRecord epoch) => epoch with { Seconds = 0 };
}
