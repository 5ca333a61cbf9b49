using AgCc.Core.Experiments;
using AgCc.Core.Experiments.Results;
using AgCc.Core.Training.Config;
using AgCc.Grains.Experiments;
using AgCc.Grains.Tests.Training;
using AgCc.Grains.Training;

namespace AgCc.Grains.Tests.Experiments;

/// <summary>
/// The Experiment grain on the in-process cluster, over two tiny ingested corpora: a small grid
/// completes with every run's outcome equal to the run's own result and an anchor analysis;
/// starting it again reuses its runs; another config under its name is refused; a corpus that is
/// not there fails the experiment with a reason; cancel ends every run it launched.
/// </summary>
[Trait("Category", Categories.Grain)]
[Collection(ClusterCollection.Name)]
public sealed class ExperimentGrainTests(ClusterFixture fixture) : IAsyncLifetime
{
    private readonly TrainingRunSetup setup = new(fixture);

    public Task InitializeAsync() => setup.IngestAsync();

    public async Task DisposeAsync() => await setup.DisposeAsync();

    /// <summary>baseline and AG-CC, one direction, 4class, two seeds: four tiny runs.</summary>
    private ExperimentConfig Grid(string name, int epochs = 1, string? target = null) => new()
    {
        Name = name,
        Corpora = [new CorpusReference(setup.Source), new CorpusReference(target ?? setup.Target)],
        Directions = [new ExperimentDirection(setup.Source, target ?? setup.Target)],
        Methods = [TrainingMethod.Baseline, TrainingMethod.AgCc],
        Tasks = ["4class"],
        Seeds = [3, 4],
        Gestures = new GestureConfig(Clusters: 3, MaxIterations: 3, MaxIterationsBarycenter: 5, Seed: 2),
        Model = new ModelConfig(Width: 16, Layers: 1, Heads: 2, FeedForward: 32, Hidden: [16, 8, 8]),
        Training = new OptimizationConfig(Epochs: epochs, BatchSize: 8, Patience: 100),
    };

    private IExperimentGrain Experiment(string name) => fixture.Cluster.Client.GetGrain<IExperimentGrain>(name);

    private static string Name() => TrainingRunSetup.UniqueName("exp");

    private async Task<ExperimentStatus> WaitAsync(string name, Func<ExperimentStatus, bool>? until = null, int seconds = 300)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var status = await Experiment(name).GetStatus();
            if (until is null ? !status.IsActive : until(status)) return status;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"experiment {name} is still {status.Stage} after {seconds} s ({status.Activity}; {status.Failure})");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_small_grid_completes_with_each_runs_result_and_an_anchor_analysis()
    {
        var name = Name();
        var config = Grid(name);
        var started = await Experiment(name).Start(ExperimentConfigJson.Write(config));
        Assert.Equal(config.Runs().Select(r => r.RunId), started.Runs.Select(r => r.RunId));

        var done = await WaitAsync(name);

        Assert.True(done.Stage == ExperimentStage.Completed, done.Failure);
        Assert.All(done.Runs, r => Assert.Equal(ExperimentRunOutcome.Completed, r.State));
        foreach (var outcome in done.Runs)
        {
            var run = await fixture.Cluster.Client.GetGrain<ITrainingRunGrain>(outcome.RunId).GetStatus();
            Assert.Equal(TrainingRunState.Completed, run.State);
            Assert.Contains($"experiment:{name}", RunConfigJson.Parse(run.Config!, "run").Tags);
            Assert.Equal(run.Result!.Uar, outcome.Scores!.Uar);
            Assert.Equal(run.Result.PerClassRecall, outcome.Scores.PerClassRecall);
        }
        var table = ExperimentAggregation.Table(name, done.Runs);
        Assert.True(table.IsFinal);
        Assert.Equal(2, table.Rows.Count);
        Assert.All(table.Rows, r => Assert.Equal(2, r.Completed));

        Assert.NotNull(done.Clustering);
        var analysis = Assert.Single(await Experiment(name).GetAnalysis());
        Assert.Equal("4class", analysis.Task);
        Assert.Equal(3, analysis.Clusters.Length);
        Assert.True(analysis.Segments > 0);
    }

    [Fact]
    public async Task Starting_again_reuses_the_runs_and_another_config_under_the_name_is_refused()
    {
        var name = Name();
        var config = Grid(name);
        await Experiment(name).Start(ExperimentConfigJson.Write(config));
        var done = await WaitAsync(name);
        var queued = await Task.WhenAll(done.Runs.Select(r => fixture.Cluster.Client.GetGrain<ITrainingRunGrain>(r.RunId).GetStatus()));

        var again = await Experiment(name).Start(ExperimentConfigJson.Write(config));

        Assert.Equal(ExperimentStage.Completed, again.Stage);
        Assert.Equal(done.Runs.Select(r => (r.RunId, r.State, r.Scores?.Uar)), again.Runs.Select(r => (r.RunId, r.State, r.Scores?.Uar)));
        var after = await Task.WhenAll(done.Runs.Select(r => fixture.Cluster.Client.GetGrain<ITrainingRunGrain>(r.RunId).GetStatus()));
        Assert.Equal(queued.Select(q => q.QueuedAt), after.Select(a => a.QueuedAt));

        var other = await Assert.ThrowsAsync<InvalidOperationException>(() => Experiment(name).Start(ExperimentConfigJson.Write(config with { Seeds = [5] })));
        Assert.Contains("another config", other.Message);
        var renamed = await Assert.ThrowsAsync<ArgumentException>(() => Experiment(name).Start(ExperimentConfigJson.Write(Grid("other-name"))));
        Assert.Contains("other-name", renamed.Message);
    }

    [Fact]
    public async Task A_corpus_that_is_not_there_fails_the_experiment_with_a_reason()
    {
        var name = Name();
        var missing = TrainingRunSetup.UniqueName("nowhere");

        await Experiment(name).Start(ExperimentConfigJson.Write(Grid(name, target: missing)));
        var failed = await WaitAsync(name);

        Assert.Equal(ExperimentStage.Failed, failed.Stage);
        Assert.Contains(missing, failed.Failure);
        Assert.All(failed.Runs, r => Assert.Equal(ExperimentRunOutcome.Pending, r.State));
    }

    [Fact]
    public async Task Cancel_ends_every_run_it_launched_and_keeps_what_completed()
    {
        var name = Name();
        await Experiment(name).Start(ExperimentConfigJson.Write(Grid(name, epochs: 50)));
        await WaitAsync(name, s => s.Runs.Any(r => r.State == "training"));

        await Experiment(name).Cancel();
        var cancelled = await Experiment(name).GetStatus();

        Assert.Equal(ExperimentStage.Cancelled, cancelled.Stage);
        Assert.All(cancelled.Runs, r => Assert.True(r.HasEnded, $"{r.RunId} is {r.State}"));
        Assert.Contains(cancelled.Runs, r => r.State == ExperimentRunOutcome.Cancelled);
        foreach (var outcome in cancelled.Runs.Where(r => r.State != ExperimentRunOutcome.Cancelled || r.Epoch > 0))
        {
            var run = await fixture.Cluster.Client.GetGrain<ITrainingRunGrain>(outcome.RunId).GetStatus();
            Assert.False(run.IsActive, $"{outcome.RunId} is still {run.State}");
        }
        var table = ExperimentAggregation.Table(name, cancelled.Runs);
        Assert.True(table.IsFinal);
        Assert.Equal(table.Runs, table.Completed + table.Cancelled + table.Failed);
    }
}
