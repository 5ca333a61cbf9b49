using AgCc.Grains.Training;

namespace AgCc.Grains.Tests.Training;

/// <summary>
/// A watcher of the run index hears every change of a row: a run's launch and its way to completed
/// (pushed by the run through the index), and an upsert, but not an upsert that changes nothing.
/// </summary>
[Trait("Category", Categories.Grain)]
[Collection(ClusterCollection.Name)]
public sealed class RunIndexWatchingTests(ClusterFixture fixture) : IAsyncLifetime
{
    private readonly TrainingRunSetup setup = new(fixture);

    public Task InitializeAsync() => setup.IngestAsync();

    public async Task DisposeAsync() => await setup.DisposeAsync();

    private IRunIndexGrain Index(string key) => fixture.Cluster.Client.GetGrain<IRunIndexGrain>(key);

    [Fact]
    public async Task A_watcher_of_the_index_hears_a_run_from_launch_to_completed()
    {
        var id = TrainingRunSetup.UniqueName("idx-watched");
        var watcher = new Recorder();
        var reference = fixture.Cluster.Client.CreateObjectReference<IRunIndexWatcher>(watcher);
        await Index(RunIndexKeys.All).Watch(reference);

        await setup.Run(id).Launch(setup.Config(epochs: 1));
        await watcher.Pushes.Arrived(all => all.Any(h => h.Value?.Id == id && h.Value.State == TrainingRunState.Completed), TimeSpan.FromMinutes(2));

        var rows = watcher.Pushes.InOrder.Where(r => r?.Id == id).Select(r => r!).ToList();
        Assert.Equal(TrainingRunState.Queued, rows[0].State);
        Assert.Equal(TrainingRunState.Completed, rows[^1].State);
        Assert.NotNull(rows[^1].TargetUar);
        // Each push is a change: no two consecutive rows are the same.
        Assert.All(rows.Zip(rows.Skip(1)), p => Assert.False(p.First.SameAs(p.Second)));

        await Index(RunIndexKeys.All).Unwatch(reference);
        fixture.Cluster.Client.DeleteObjectReference<IRunIndexWatcher>(reference);
    }

    [Fact]
    public async Task An_upsert_that_changes_nothing_is_not_pushed()
    {
        // An index of its own, so no run of another test writes to it.
        var index = Index(TrainingRunSetup.UniqueName("own-index"));
        var watcher = new Recorder();
        var reference = fixture.Cluster.Client.CreateObjectReference<IRunIndexWatcher>(watcher);
        await index.Watch(reference);
        var row = new RunSummary(TrainingRunSetup.UniqueName("row"), TrainingRunState.Training, "baseline", "4class", "a", "b", ["x"], 1, 3,
            0.5, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null);

        await index.Upsert(row);
        await index.Upsert(row with { Tags = ["x"] }); // equal, in a new array: no change
        await index.Upsert(row with { Epoch = 2 });
        // Both changes (one-way pushes may arrive in either order); the no-op was sent between them, if at all.
        await watcher.Pushes.Arrived(all => all.Any(h => h.Value?.Epoch == 1) && all.Any(h => h.Value?.Epoch == 2), TimeSpan.FromSeconds(30));

        var heard = watcher.Pushes.InOrder.Where(r => r?.Id == row.Id).Select(r => r!.Epoch).ToList();
        Assert.Equal([1, 2], heard);

        await index.Unwatch(reference);
        fixture.Cluster.Client.DeleteObjectReference<IRunIndexWatcher>(reference);
    }

    private sealed class Recorder : IRunIndexWatcher
    {
        public PushRecorder<RunSummary?> Pushes { get; } = new();

        public void RunsChanged(RunSummary? changed, long sequence) => Pushes.Add(changed, sequence);
    }
}
