using System.Diagnostics;
using AgCc.Core.Experiments;
using AgCc.Core.Experiments.Results;
using AgCc.Core.Training.Config;
using AgCc.Grains.Corpora;
using AgCc.Grains.Experiments;
using AgCc.Grains.Features;
using AgCc.Grains.Gestures;
using AgCc.Grains.Training;
using Xunit.Abstractions;

namespace AgCc.Integration.Tests;

/// <summary>
/// Issue 9's failure drills on two silo processes over Azurite: a silo is killed (SIGKILL) while
/// the experiment is in each stage, ingestion, features, gesture clustering, training, and the
/// aggregation at the end, and Azurite is restarted from its data folder mid-training. Every
/// drill's experiment must complete with exactly the undisturbed reference's results; each
/// reports the time it lost against the reference.
/// </summary>
[Trait("Category", Categories.Integration)]
public sealed class ExperimentFailureDrillTests(ExperimentDrillCluster cluster, ITestOutputHelper output) : IClassFixture<ExperimentDrillCluster>
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    [Theory]
    [InlineData("ingestion")]
    [InlineData("features")]
    [InlineData("clustering")]
    [InlineData("training")]
    [InlineData("aggregation")]
    public async Task Killing_a_silo_during_a_stage_loses_nothing(string stage)
    {
        var (reference, referenceTime) = await cluster.ReferenceAsync();
        var grid = cluster.Grid(stage);
        var watch = Stopwatch.StartNew();
        var started = await cluster.Client.StartExperimentAsync(grid);

        var (victim, when) = await CutAsync(stage, grid);
        var killedAt = watch.Elapsed;
        await cluster.KillAndReplaceAsync(victim);

        var done = await cluster.FollowAsync(started);
        var time = watch.Elapsed;
        AssertSameResults(reference, done);
        await AssertSameAnalysisAsync(reference, done);
        output.WriteLine($"{stage}: killed {victim} at {killedAt.TotalSeconds:F1} s ({when}); completed in {time.TotalSeconds:F1} s " +
            $"against {referenceTime.TotalSeconds:F1} s undisturbed: time lost ≈ {(time - referenceTime).TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Restarting_Azurite_mid_experiment_loses_nothing_accepted()
    {
        var (reference, referenceTime) = await cluster.ReferenceAsync();
        var grid = cluster.Grid("storage");
        var watch = Stopwatch.StartNew();
        var started = await cluster.Client.StartExperimentAsync(grid);
        var (_, when) = await CutAsync("training", grid);
        var before = await AcceptedAsync(grid);

        var down = Stopwatch.StartNew();
        await cluster.RestartAzuriteAsync();
        var downtime = down.Elapsed;

        var done = await cluster.FollowAsync(started);
        var time = watch.Elapsed;
        AssertSameResults(reference, done);
        Assert.Equal(before, await AcceptedAsync(grid));
        foreach (var run in done.Runs)
        {
            var status = await cluster.Client.GetRunStatusAsync(run.RunId);
            Assert.Equal(Enumerable.Range(1, status.Epochs), status.History.Select(h => h.Epoch));
        }
        output.WriteLine($"Azurite restarted ({downtime.TotalSeconds:F1} s down) with {when}; completed in {time.TotalSeconds:F1} s " +
            $"against {referenceTime.TotalSeconds:F1} s undisturbed: time lost ≈ {(time - referenceTime).TotalSeconds:F1} s");
    }

    /// <summary>Waits until the experiment is inside <paramref name="stage"/>; returns the silo to kill and what was under way.</summary>
    private async Task<(string Silo, string When)> CutAsync(string stage, ExperimentConfig grid)
    {
        var client = cluster.Client;
        var (source, anchored) = (grid.Corpora[0].Name, grid.Runs().First(r => r.Config.Method == TrainingMethod.AgCc).Config);
        using var poll = new PeriodicTimer(Poll);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await poll.WaitForNextTickAsync(limit.Token))
        {
            switch (stage)
            {
                case "ingestion":
                    var corpus = await TryAsync(() => client.GetCorpusSummaryAsync(source));
                    if (corpus?.Ingestion is { State: IngestionState.Running, Processed: > 0 } i && i.Processed < i.Listed)
                        return (await cluster.ExperimentSiloAsync(grid.Name), $"{source}: {i.Processed} of {i.Listed} utterances ingested");
                    break;
                case "features":
                    var features = await TryAsync(() => client.GetFeatureSetStatusAsync(source, grid.Features));
                    if (features is { Stage: FeatureSetStage.Extracting, BatchesDone: > 0 } f && f.BatchesDone < f.Batches)
                        return (await cluster.ExperimentSiloAsync(grid.Name), $"{source} features: {f.BatchesDone} of {f.Batches} batches");
                    break;
                case "clustering":
                    var name = RunGestureClustering.Name(RunGestureClustering.Spec(anchored));
                    var fit = await TryAsync(() => client.GetGestureClusteringStatusAsync(name));
                    if (fit is { Stage: GestureClusteringStage.Fitting, Iteration: > 0 } g && g.Iteration < g.Spec!.MaxIterations)
                        return (await cluster.ExperimentSiloAsync(grid.Name), $"gesture clustering at iteration {g.Iteration} of {g.Spec.MaxIterations}");
                    break;
                case "training":
                    foreach (var run in grid.Runs())
                    {
                        var status = await client.GetRunStatusAsync(run.Config.Id!);
                        if (status is { State: TrainingRunState.Training, Epoch: > 0, Silo: { } silo } && status.Epoch < status.Epochs)
                            return (silo, $"run {run.Config.Id} at epoch {status.Epoch} of {status.Epochs} on {silo}");
                    }
                    break;
                case "aggregation":
                    // The runs have all ended; the experiment reads them at its next tick (within a second) and ends.
                    var runs = await Task.WhenAll(grid.Runs().Select(r => client.GetRunStatusAsync(r.Config.Id!)));
                    if (runs.All(r => r.State == TrainingRunState.Completed))
                    {
                        var experiment = await client.GetExperimentStatusAsync(grid.Name);
                        return (await cluster.ExperimentSiloAsync(grid.Name), $"every run completed, the experiment {experiment.Stage.ToString().ToLowerInvariant()}");
                    }
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(stage), stage, "no such drill");
            }
        }
        throw new TimeoutException($"the experiment never reached {stage}");
    }

    /// <summary>What storage has accepted for the grid's corpora: ingestion counts, features and the clustering.</summary>
    private async Task<string> AcceptedAsync(ExperimentConfig grid)
    {
        var parts = new List<string>();
        foreach (var corpus in grid.Corpora)
        {
            var summary = await cluster.Client.GetCorpusSummaryAsync(corpus.Name);
            var features = await cluster.Client.GetFeatureSetStatusAsync(corpus.Name, grid.Features);
            parts.Add($"{corpus.Name}: {summary.Ingestion.Accepted} accepted, {summary.Ingestion.Segments} segments, " +
                $"features {features.Stage} {features.Utterances} utterances {features.Frames} frames in {features.Artifacts.Count} blobs");
        }
        var name = RunGestureClustering.Name(RunGestureClustering.Spec(grid.Runs().First(r => r.Config.Method == TrainingMethod.AgCc).Config));
        var fit = await cluster.Client.GetGestureClusteringStatusAsync(name);
        parts.Add($"{name}: {fit.Stage}, inertia {string.Join(" ", fit.InertiaTrace)}");
        return string.Join("; ", parts);
    }

    private static async Task<T?> TryAsync<T>(Func<Task<T>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not there yet, or its silo is going: the next poll asks again.
            return null;
        }
    }

    /// <summary>Every run completed with the reference run's scores (runs matched by method, task and seed: corpus names differ).</summary>
    private static void AssertSameResults(ExperimentStatus reference, ExperimentStatus done)
    {
        Assert.True(done.Stage == ExperimentStage.Completed, $"the experiment ended {done.Stage}: {done.Failure}");
        Assert.All(done.Runs, r => Assert.True(r.State == "completed", $"run {r.RunId} ended {r.State}: {r.Failure}"));
        static string Key(ExperimentRunOutcome r) => $"{r.Cell.Method.ToName()}/{r.Cell.Task}/{r.Seed}";
        var expected = reference.Runs.ToDictionary(Key);
        Assert.Equal(expected.Keys.Order(), done.Runs.Select(Key).Order());
        foreach (var run in done.Runs)
        {
            var (want, got) = (expected[Key(run)].Scores!, run.Scores!);
            Assert.Equal(want.Uar, got.Uar);
            Assert.Equal(want.WeightedAccuracy, got.WeightedAccuracy);
            Assert.Equal(want.MacroF1, got.MacroF1);
            Assert.Equal(want.PerClassRecall, got.PerClassRecall);
        }
    }

    private async Task AssertSameAnalysisAsync(ExperimentStatus reference, ExperimentStatus done)
    {
        var (want, got) = (await cluster.Client.GetExperimentAnalysisAsync(reference.Name), await cluster.Client.GetExperimentAnalysisAsync(done.Name));
        Assert.Equal(want.Select(a => (a.Task, a.MeanClusterDivergence, a.MeanPhoneDivergence)), got.Select(a => (a.Task, a.MeanClusterDivergence, a.MeanPhoneDivergence)));
    }
}
