using AgCc.Grains.Training;

namespace AgCc.Grains.Tests.Training;

/// <summary>A watcher subscribed to a run hears every state it goes through, pushed by the run, up to completed, each push numbered so the order can be restored.</summary>
[Trait("Category", Categories.Grain)]
[Collection(ClusterCollection.Name)]
public sealed class RunWatchingTests(ClusterFixture fixture) : IAsyncLifetime
{
    private readonly TrainingRunSetup setup = new(fixture);

    public Task InitializeAsync() => setup.IngestAsync();

    public async Task DisposeAsync() => await setup.DisposeAsync();

    [Fact]
    public async Task A_watcher_hears_the_runs_states_and_epochs_as_they_happen()
    {
        var id = TrainingRunSetup.UniqueName("watched");
        var watcher = new Recorder();
        var reference = fixture.Cluster.Client.CreateObjectReference<IRunWatcher>(watcher);
        await setup.Run(id).Watch(reference);

        await setup.Run(id).Launch(setup.Config(epochs: 2));
        // Every push the run sent by its end (one-way messages may still be on their way after the last).
        await watcher.Arrived(all => all.Any(h => h.Status.State == TrainingRunState.Completed) && all.Any(h => h.Status.State == TrainingRunState.Evaluating)
            && all.Any(h => h.Status.State == TrainingRunState.Queued) && all.Any(h => h.Status.History.Count == 2), TimeSpan.FromMinutes(2));

        // One-way messages may arrive out of order; their sequence numbers restore it.
        var heard = watcher.Heard.OrderBy(h => h.Sequence).Select(h => h.Status).ToList();
        Assert.Equal(watcher.Heard.Count, watcher.Heard.Select(h => h.Sequence).Distinct().Count());
        Assert.Equal(TrainingRunState.Queued, heard[0].State);
        Assert.Contains(heard, s => s.State == TrainingRunState.Training && s.History.Count == 1);
        Assert.Contains(heard, s => s.State == TrainingRunState.Evaluating);
        Assert.Equal(TrainingRunState.Completed, heard[^1].State);
        Assert.True(heard.Zip(heard.Skip(1)).All(p => p.First.History.Count <= p.Second.History.Count));

        await setup.Run(id).Unwatch(reference);
        fixture.Cluster.Client.DeleteObjectReference<IRunWatcher>(reference);
    }

    private sealed class Recorder : IRunWatcher
    {
        private readonly PushRecorder<TrainingRunStatus> pushes = new();

        public List<(TrainingRunStatus Status, long Sequence)> Heard => pushes.Heard;

        public Task Arrived(Func<List<(TrainingRunStatus Status, long Sequence)>, bool> enough, TimeSpan timeout) => pushes.Arrived(enough, timeout);

        public void RunChanged(TrainingRunStatus status, long sequence) => pushes.Add(status, sequence);
    }
}
