using AgCc.Core.Experiments;
using AgCc.Core.Experiments.Results;
using AgCc.Core.Training.Config;
using AgCc.Grains.Experiments;
using AgCc.Grains.Tests.Training;

namespace AgCc.Grains.Tests.Experiments;

/// <summary>
/// A watcher subscribed to an experiment hears its status pushed as it changes: preparing, the run
/// of its grid launched and moving on, completed with the run's scores; and a failed preparation
/// with its reason. Each push is numbered, so the order can be restored.
/// </summary>
[Trait("Category", Categories.Grain)]
[Collection(ClusterCollection.Name)]
public sealed class ExperimentWatchingTests(ClusterFixture fixture) : IAsyncLifetime
{
    private readonly TrainingRunSetup setup = new(fixture);

    public Task InitializeAsync() => setup.IngestAsync();

    public async Task DisposeAsync() => await setup.DisposeAsync();

    /// <summary>One baseline run of one epoch: no gesture clustering, so the grid ends in seconds.</summary>
    private ExperimentConfig Grid(string name, string? target = null) => new()
    {
        Name = name,
        Corpora = [new CorpusReference(setup.Source), new CorpusReference(target ?? setup.Target)],
        Directions = [new ExperimentDirection(setup.Source, target ?? setup.Target)],
        Methods = [TrainingMethod.Baseline],
        Tasks = ["4class"],
        Seeds = [3],
        Model = new ModelConfig(Width: 16, Layers: 1, Heads: 2, FeedForward: 32, Hidden: [16, 8, 8]),
        Training = new OptimizationConfig(Epochs: 1, BatchSize: 8, Patience: 100),
    };

    private IExperimentGrain Experiment(string name) => fixture.Cluster.Client.GetGrain<IExperimentGrain>(name);

    [Fact]
    public async Task A_watcher_hears_the_grid_fill_in_up_to_completed()
    {
        var name = TrainingRunSetup.UniqueName("watched-exp");
        var watcher = new Recorder();
        var reference = fixture.Cluster.Client.CreateObjectReference<IExperimentWatcher>(watcher);
        await Experiment(name).Watch(reference);

        await Experiment(name).Start(ExperimentConfigJson.Write(Grid(name)));
        await watcher.Pushes.Arrived(all => all.Any(h => h.Value.Stage == ExperimentStage.Completed), TimeSpan.FromMinutes(3));

        Assert.Equal(watcher.Pushes.Heard.Count, watcher.Pushes.Heard.Select(h => h.Sequence).Distinct().Count());
        var heard = watcher.Pushes.InOrder;
        Assert.Equal(ExperimentStage.Preparing, heard[0].Stage);
        Assert.Contains(heard, s => s.Stage == ExperimentStage.Running && s.Runs[0].State != ExperimentRunOutcome.Pending);
        var last = heard[^1];
        Assert.Equal(ExperimentStage.Completed, last.Stage);
        var run = Assert.Single(last.Runs);
        Assert.Equal(ExperimentRunOutcome.Completed, run.State);
        Assert.NotNull(run.Scores);
        // The push is the status a poll reads.
        var read = await Experiment(name).GetStatus();
        Assert.Equal((read.Stage, read.Runs[0].State, read.Runs[0].Scores?.Uar), (last.Stage, run.State, run.Scores.Uar));

        await Experiment(name).Unwatch(reference);
        fixture.Cluster.Client.DeleteObjectReference<IExperimentWatcher>(reference);
    }

    [Fact]
    public async Task A_watcher_hears_a_failed_preparation_with_its_reason()
    {
        var name = TrainingRunSetup.UniqueName("failing-exp");
        var missing = TrainingRunSetup.UniqueName("nowhere");
        var watcher = new Recorder();
        var reference = fixture.Cluster.Client.CreateObjectReference<IExperimentWatcher>(watcher);
        await Experiment(name).Watch(reference);

        await Experiment(name).Start(ExperimentConfigJson.Write(Grid(name, target: missing)));
        await watcher.Pushes.Arrived(all => all.Any(h => h.Value.Stage == ExperimentStage.Failed), TimeSpan.FromMinutes(2));

        var failed = watcher.Pushes.InOrder[^1];
        Assert.Equal(ExperimentStage.Failed, failed.Stage);
        Assert.Contains(missing, failed.Failure);

        await Experiment(name).Unwatch(reference);
        fixture.Cluster.Client.DeleteObjectReference<IExperimentWatcher>(reference);
    }

    private sealed class Recorder : IExperimentWatcher
    {
        public PushRecorder<ExperimentStatus> Pushes { get; } = new();

        public void ExperimentChanged(ExperimentStatus status, long sequence) => Pushes.Add(status, sequence);
    }
}
