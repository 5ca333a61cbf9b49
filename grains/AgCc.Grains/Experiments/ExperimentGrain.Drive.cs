using AgCc.Core.Experiments;
using AgCc.Core.Experiments.Analysis;
using AgCc.Core.Experiments.Results;
using AgCc.Core.Training.Config;
using AgCc.Grains.Cluster;
using AgCc.Grains.Training;
using Microsoft.Extensions.Logging;

namespace AgCc.Grains.Experiments;

// The loop: preparation once, then launch-and-follow until every run has ended. It runs on the
// activation's scheduler between the grain's calls; Cancel stops it before touching the runs.
public sealed partial class ExperimentGrain
{
    private static readonly TimeSpan FollowInterval = TimeSpan.FromSeconds(1);

    private async Task DriveAsync(CancellationToken cancellationToken)
    {
        try
        {
            var config = ExperimentConfigJson.Parse(State.Config!, $"experiment '{Name}'");
            var plans = config.Runs();
            if (State.Stage == ExperimentStage.Preparing) await PrepareAsync(config, plans, cancellationToken);
            await FollowAsync(plans, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled, or the activation is going: the persisted outcomes are where the next loop starts.
        }
        catch (Exception e) when (State.Stage == ExperimentStage.Preparing && e is InvalidOperationException or ArgumentException or TimeoutException)
        {
            // Bad input (a corpus that is not there, a feature set or clustering that failed): say what to fix.
            State.Stage = ExperimentStage.Failed;
            State.Failure = e.Message;
            State.Activity = null;
            State.FinishedAt = clock.GetUtcNow();
            await WriteAsync();
            await StopSupervisionAsync();
        }
        catch (Exception e)
        {
            // Storage or messaging trouble: the supervisor's next tick starts the loop again.
            logger.LogWarning(e, "experiment {Experiment}: its loop stopped; the supervisor restarts it", Name);
        }
    }

    /// <summary>What every run shares: both corpora and their features, then (for AG-CC) the gesture clustering and the anchor analysis.</summary>
    private async Task PrepareAsync(ExperimentConfig config, IReadOnlyList<ExperimentRunPlan> plans, CancellationToken cancellationToken)
    {
        await SetActivityAsync($"ingesting {string.Join(" and ", config.Corpora.Select(c => c.Name))} and extracting their {config.Features.Key} features");
        await ClusterTrainingData.PrepareAsync(GrainFactory, plans[0].Config, options.Value, cancellationToken);
        if (plans.FirstOrDefault(p => p.Config.Method == TrainingMethod.AgCc) is { } anchored)
        {
            await SetActivityAsync("fitting the gesture clustering");
            var (name, status) = await ClusterTrainingData.EnsureGesturesAsync(GrainFactory, anchored.Config, options.Value, cancellationToken);
            State.Clustering = name;
            await SetActivityAsync($"analysing how the anchors of {name} agree across the corpora");
            var assignments = await ClusterTrainingData.ReadAssignmentsAsync(GrainFactory, name, status.Segments);
            var corpora = status.Spec!.Corpora;
            State.Analysis = await Task.Run(() =>
            {
                var segments = assignments.Select(a => new AnchorSegment(a.Corpus, a.Phone, a.Emotion, a.Cluster)).ToList();
                return config.Tasks.Select(task => AnchorAgreementAnalysis.For(task, corpora, segments)).ToList();
            }, cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();
        State.Stage = ExperimentStage.Running;
        State.Activity = null;
        await WriteAsync();
    }

    /// <summary>Launches pending runs while fewer than the cluster's training slots are in flight, and follows those in flight, until all have ended.</summary>
    private async Task FollowAsync(IReadOnlyList<ExperimentRunPlan> plans, CancellationToken cancellationToken)
    {
        while (true)
        {
            var inFlight = Enumerable.Range(0, State.Runs.Count).Where(i => State.Runs[i] is { HasEnded: false, State: not ExperimentRunOutcome.Pending }).ToList();
            var changed = await RefreshAsync(inFlight);
            // The cluster's silos are read only while there is something to launch (not every second to the end).
            var slots = State.Runs.Any(r => r.State == ExperimentRunOutcome.Pending) ? await TrainingSlotsAsync() : 0;
            var running = State.Runs.Count(r => r is { HasEnded: false, State: not ExperimentRunOutcome.Pending });
            for (var i = 0; i < State.Runs.Count && running < slots; i++)
            {
                if (State.Runs[i].State != ExperimentRunOutcome.Pending) continue;
                cancellationToken.ThrowIfCancellationRequested();
                State.Runs[i] = await LaunchAsync(State.Runs[i], plans[i]);
                changed = true;
                if (!State.Runs[i].HasEnded) running++;
            }
            cancellationToken.ThrowIfCancellationRequested();
            if (State.Runs.All(r => r.HasEnded))
            {
                State.Stage = ExperimentStage.Completed;
                State.FinishedAt = clock.GetUtcNow();
                await WriteAsync();
                await StopSupervisionAsync();
                return;
            }
            if (changed) await WriteAsync();
            await Task.Delay(FollowInterval, cancellationToken);
        }
    }

    private async Task<ExperimentRunOutcome> LaunchAsync(ExperimentRunOutcome outcome, ExperimentRunPlan plan)
    {
        try
        {
            // Idempotent: a run this experiment launched before (or a completed one) is reused.
            return Outcome(outcome, await GrainFactory.GetGrain<ITrainingRunGrain>(plan.RunId).Launch(RunConfigJson.Write(plan.Config)));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return outcome with { State = ExperimentRunOutcome.Failed, Failure = e.Message };
        }
    }

    /// <summary>Reads the runs at <paramref name="indices"/>; whether any outcome changed.</summary>
    private async Task<bool> RefreshAsync(IReadOnlyList<int> indices)
    {
        var statuses = await Task.WhenAll(indices.Select(i => GrainFactory.GetGrain<ITrainingRunGrain>(State.Runs[i].RunId).GetStatus()));
        var changed = false;
        for (var n = 0; n < indices.Count; n++)
        {
            var i = indices[n];
            var next = Outcome(State.Runs[i], statuses[n]);
            if (next == State.Runs[i]) continue;
            State.Runs[i] = next;
            changed = true;
        }
        return changed;
    }

    private static ExperimentRunOutcome Outcome(ExperimentRunOutcome outcome, TrainingRunStatus run) => outcome with
    {
        State = run.State.ToName(),
        Epoch = run.Epoch,
        Epochs = run.Epochs,
        Failure = run.Failure,
        Scores = run.Result is { } r ? new RunScores(r.Uar, r.WeightedAccuracy, r.MacroF1, r.Classes, r.PerClassRecall) : null,
    };

    /// <summary>Trainings the cluster runs side by side: each (gpu, when required) silo's slots.</summary>
    private async Task<int> TrainingSlotsAsync()
    {
        var cluster = await GrainFactory.GetGrain<IClusterStatusGrain>(0).GetStatus();
        var silos = cluster.Silos.Count(s => s.Status == "Active" && (!options.Value.RequireGpu || s.Role == GpuPlacementDirector.GpuRole));
        return Math.Max(1, silos) * options.Value.MaxConcurrentTrainings;
    }

    private async Task SetActivityAsync(string activity)
    {
        State.Activity = activity;
        await WriteAsync();
    }
}
