using AgCc.Core.Training.Results;
using AgCc.Grains.Training;
using AgCc.Grains.Gestures;

namespace AgCc.Grains.Tests.Training;

/// <summary>
/// The TrainingRun and Trainer grains on the in-process cluster: a tiny baseline run goes from
/// queued to completed with its epochs, result and blobs; launching is idempotent per id and
/// refuses another config under it; a bad config lists its problems; cancel stops the trainer;
/// the epochs stream to a watcher.
/// </summary>
[Trait("Category", Categories.Grain)]
[Collection(ClusterCollection.Name)]
public sealed class TrainingRunTests(ClusterFixture fixture) : IAsyncLifetime
{
    private readonly TrainingRunSetup setup = new(fixture);

    public Task InitializeAsync() => setup.IngestAsync();

    public async Task DisposeAsync() => await setup.DisposeAsync();

    [Fact]
    public async Task A_tiny_baseline_run_completes_with_its_epochs_result_and_blobs()
    {
        var id = TrainingRunSetup.UniqueName("run");
        var launched = await setup.Run(id).Launch(setup.Config());
        Assert.True(launched.IsActive);
        Assert.Equal((id, 2), (launched.Id, launched.Epochs));

        var done = await setup.WaitAsync(id);

        Assert.True(done.State == TrainingRunState.Completed, done.Failure);
        Assert.Equal([1, 2], done.History.Select(h => h.Epoch));
        Assert.All(done.History, h => Assert.True(h.Steps > 0 && double.IsFinite(h.Loss)));
        var result = Assert.IsType<TrainingRunResult>(done.Result);
        Assert.Equal(2, result.Epochs);
        Assert.InRange(result.BestEpoch, 1, 2);
        Assert.Equal(StopReason.MaxEpochs, result.Stop);
        Assert.Equal(4, result.Classes.Length);
        Assert.Equal(4, result.PerClassRecall.Length);
        Assert.Equal(8, result.Confusion.Sum(row => row.Sum())); // every target utterance evaluated
        Assert.InRange(result.Uar, 0, 1);
        Assert.Equal((ClusterFixture.GpuSiloName, "cpu", 0), (done.Silo, done.Device, done.Resumes));
        Assert.NotNull(done.StartedAt);
        Assert.NotNull(done.FinishedAt);

        Assert.NotNull(await fixture.Artifacts.ReadAsync(TrainingArtifacts.Checkpoint(id)));
        Assert.NotNull(await fixture.Artifacts.ReadAsync(result.BestModel));
        var metrics = RunMetricsDocument.Read((await fixture.Artifacts.ReadAsync(result.Metrics))!);
        Assert.Equal((id, result.Uar, 2), (metrics.RunId, metrics.Uar, metrics.Epochs));
    }

    [Fact]
    public async Task An_ag_cc_run_fits_its_gesture_clustering_and_trains_on_its_anchors()
    {
        var id = TrainingRunSetup.UniqueName("agcc");
        var config = setup.Config(method: "ag-cc", extra: "\"gestures\": { \"clusters\": 3, \"maxIterations\": 3, \"maxIterationsBarycenter\": 5, \"seed\": 2 },");
        await setup.Run(id).Launch(config);

        var done = await setup.WaitAsync(id);

        Assert.True(done.State == TrainingRunState.Completed, done.Failure);
        Assert.Equal([1, 2], done.History.Select(h => h.Epoch));
        Assert.True(done.History.Sum(h => h.ValidTriplets) > 0, "no triplet was mined from the gesture anchors");
        var spec = RunGestureClustering.Spec(Core.Training.Config.RunConfigJson.Parse(done.Config!, "run"));
        var clustering = await fixture.Client.GetGestureClusteringStatusAsync(RunGestureClustering.Name(spec));
        Assert.Equal(Gestures.GestureClusteringStage.Completed, clustering.Stage);
        Assert.Equal([setup.Source, setup.Target], clustering.Spec!.Corpora);
    }

    [Fact]
    public async Task Launching_an_id_twice_starts_one_run_and_another_config_under_it_is_refused()
    {
        var id = TrainingRunSetup.UniqueName("twice");
        var first = await setup.Run(id).Launch(setup.Config());
        var again = await setup.Run(id).Launch(setup.Config(extra: $"\"id\": \"{id}\","));
        Assert.Equal(first.QueuedAt, again.QueuedAt);

        var other = await Assert.ThrowsAsync<InvalidOperationException>(() => setup.Run(id).Launch(setup.Config(seed: 2)));
        Assert.Contains($"'{id}'", other.Message);

        var done = await setup.WaitAsync(id);
        Assert.True(done.State == TrainingRunState.Completed, done.Failure);
        Assert.Equal([1, 2], done.History.Select(h => h.Epoch));
        Assert.Equal(0, done.Resumes);

        // Once completed, the same launch is still a no-op.
        var after = await setup.Run(id).Launch(setup.Config());
        Assert.Equal((TrainingRunState.Completed, done.FinishedAt), (after.State, after.FinishedAt));
    }

    [Fact]
    public async Task An_invalid_config_is_refused_with_every_problem()
    {
        var id = TrainingRunSetup.UniqueName("bad");
        var bad = setup.Config(epochs: 0).Replace("\"width\": 16", "\"width\": 0");
        var error = await Assert.ThrowsAsync<ArgumentException>(() => setup.Run(id).Launch(bad));
        Assert.Contains("training.epochs", error.Message);
        Assert.Contains("model.width", error.Message);

        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => setup.Run(id).Launch(setup.Config(extra: "\"colour\": 1,")));
        Assert.Contains("colour", unknown.Message);

        var otherId = await Assert.ThrowsAsync<ArgumentException>(() => setup.Run(id).Launch(setup.Config(extra: "\"id\": \"someone-else\",")));
        Assert.Contains("someone-else", otherId.Message);

        Assert.False((await setup.Run(id).GetStatus()).Exists);
    }

    [Fact]
    public async Task A_cancelled_run_stops_its_trainer()
    {
        var id = TrainingRunSetup.UniqueName("cancel");
        await setup.Run(id).Launch(setup.Config(epochs: 10_000));
        await setup.WaitAsync(id, s => s.History.Count >= 1 || !s.IsActive);

        await setup.Run(id).Cancel();

        var cancelled = await setup.Run(id).GetStatus();
        Assert.Equal(TrainingRunState.Cancelled, cancelled.State);
        Assert.NotNull(cancelled.FinishedAt);
        var trainer = fixture.Cluster.Client.GetGrain<ITrainerGrain>(id);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await trainer.GetStatus()).Running && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.False((await trainer.GetStatus()).Running);
        Assert.Equal(TrainingRunState.Cancelled, (await setup.Run(id).GetStatus()).State);
        await setup.Run(id).Cancel(); // a no-op once ended
    }

    [Fact]
    public async Task A_watcher_sees_every_epoch_then_the_end()
    {
        var id = TrainingRunSetup.UniqueName("watch");
        await setup.Run(id).Launch(setup.Config());
        var seen = new List<EpochMetricsRecord>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await foreach (var epoch in setup.Run(id).WatchEpochs(timeout.Token)) seen.Add(epoch);

        var done = await setup.Run(id).GetStatus();
        Assert.True(done.State == TrainingRunState.Completed, done.Failure);
        Assert.True(done.History.SequenceEqual(seen), $"history {string.Join(" | ", done.History)}; seen {string.Join(" | ", seen)}; resumes {done.Resumes}");

        // Watching an ended run yields its history at once.
        var replay = new List<EpochMetricsRecord>();
        await foreach (var epoch in setup.Run(id).WatchEpochs(timeout.Token)) replay.Add(epoch);
        Assert.Equal(done.History, replay);
    }
}
