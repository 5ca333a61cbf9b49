using AgCc.Artifacts;
using AgCc.Core.Torch.Training;
using AgCc.Core.Training.Config;
using AgCc.Core.Training.Results;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace AgCc.Grains.Training;

/// <summary>
/// The model grain of one run. A background loop in this activation waits for a training slot,
/// builds the data (<see cref="ClusterTrainingData"/>), then trains on a dedicated thread
/// (<see cref="TrainingThread"/>): from the run's checkpoint blob when there is one, writing it
/// again after every epoch and reporting each epoch to the run. Nothing durable lives here: the
/// checkpoint blob is the progress and the run's supervisor restarts the loop, on another silo
/// after a silo loss.
/// </summary>
[GpuPlacement]
public sealed class TrainerGrain(
    IArtifactStore artifacts,
    SiloDevice device,
    TrainingSlots slots,
    CorpusFeaturesCache features,
    ILocalSiloDetails silo,
    IOptions<TrainingOptions> options,
    ILogger<TrainerGrain> logger) : Grain, ITrainerGrain
{
    private const int MaxRestarts = 3;
    private Task? loop;
    private CancellationTokenSource? cancellation;

    private string RunId => this.GetPrimaryKeyString();

    public Task<TrainerStatus> Start(string configJson)
    {
        if (loop is null || loop.IsCompleted)
        {
            var config = RunConfigJson.Parse(configJson, $"run '{RunId}'");
            cancellation?.Dispose();
            cancellation = new CancellationTokenSource();
            loop = RunThenLeaveLedgerAsync(config, cancellation.Token);
        }
        return Task.FromResult(Status());
    }

    public Task<TrainerStatus> GetStatus() => Task.FromResult(Status());

    public Task Cancel()
    {
        cancellation?.Cancel();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Stops between steps; the last checkpoint stays for the next activation.
        cancellation?.Cancel();
        if (loop is null) return;
        try
        {
            await loop.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            logger.LogWarning("run {Run}: the trainer did not stop before its deactivation", RunId);
        }
    }

    private TrainerStatus Status() => new(RunId, loop is { IsCompleted: false }, silo.Name, device.Name, silo.SiloAddress);

    private async Task RunThenLeaveLedgerAsync(RunConfig config, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(config, cancellationToken);
        }
        finally
        {
            try
            {
                await GrainFactory.GetGrain<ITrainerLedgerGrain>(0).Finished(RunId);
            }
            catch (Exception e)
            {
                // A stale entry only weighs on placement until the ledger's next Choose for this run.
                logger.LogWarning(e, "run {Run}: could not tell the trainer ledger that its trainer stopped", RunId);
            }
        }
    }

    /// <summary>
    /// On the grain's scheduler between its calls. Bad input (a corpus not ingested, data that do
    /// not fit the config) fails the run at once; anything else (storage or messaging hiccups) is
    /// retried a few times from the last checkpoint.
    /// </summary>
    private async Task RunAsync(RunConfig config, CancellationToken cancellationToken)
    {
        var reports = GrainFactory.GetGrain<ITrainingRunReports>(RunId);
        for (var restarts = 0; ; restarts++)
        {
            var stage = "queued";
            try
            {
                using var slot = await slots.AcquireAsync(cancellationToken);
                stage = "preparing";
                if (!await reports.Preparing(silo.Name, device.Name)) return;
                var data = await ClusterTrainingData.BuildAsync(GrainFactory, artifacts, features, config, options.Value, cancellationToken);
                stage = "training";
                var checkpoint = await artifacts.ReadAsync(TrainingArtifacts.Checkpoint(RunId), cancellationToken);
                var (result, model) = await TrainingThread.Run($"agcc-train-{RunId}", () => Train(config, data, checkpoint, reports, cancellationToken));
                stage = "evaluating";
                await CompleteAsync(config, result, model, reports);
                return;
            }
            catch (OperationCanceledException)
            {
                // Cancelled here, or the run said it no longer wants training.
                logger.LogInformation("run {Run}: trainer stopped while {Stage}", RunId, stage);
                return;
            }
            catch (Exception e)
            {
                var badInput = e is ArgumentException or InvalidOperationException or InvalidDataException or IOException or ConfigException or TimeoutException;
                logger.LogWarning(e, "run {Run}: {Stage} failed (restart {Restart})", RunId, stage, restarts);
                if (badInput || restarts >= MaxRestarts)
                {
                    await ReportFailureAsync(reports, $"{stage}: {e.Message}");
                    return;
                }
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(restarts + 1), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// The training thread's work: the loop from the checkpoint, each checkpoint written before the
    /// next step (a blob write replaces the blob whole), each epoch reported; a run that no longer
    /// wants training (cancelled) stops it.
    /// </summary>
    private (RunResult Result, byte[] Model) Train(RunConfig config, Core.Training.Data.TrainingData data, byte[]? checkpoint, ITrainingRunReports reports, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var trainer = new RunTrainer(config, data, device.Device);
        var name = TrainingArtifacts.Checkpoint(RunId);
        if (checkpoint is not null) trainer.Restore(checkpoint, name);
        if (!Wait(reports.Training(checkpoint is not null, [.. trainer.History.Select(EpochMetricsRecord.From)]))) stop.Cancel();
        var result = trainer.Run(
            epoch =>
            {
                if (!Wait(reports.Epoch(EpochMetricsRecord.From(epoch)))) stop.Cancel();
            },
            bytes =>
            {
                Wait(artifacts.WriteAsync(name, bytes, CancellationToken.None));
                // After an epoch's checkpoint, the loop either goes on or evaluates the best model.
                if (trainer.Finished && !Wait(reports.Evaluating())) stop.Cancel();
            },
            stop.Token);
        return (result, trainer.ModelBytes());
    }

    /// <summary>Blocks the training thread (never a grain's) on a call or a write.</summary>
    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private static void Wait(Task task) => task.GetAwaiter().GetResult();

    private async Task CompleteAsync(RunConfig config, RunResult result, byte[] model, ITrainingRunReports reports)
    {
        var (bestModel, metrics) = (TrainingArtifacts.BestModel(RunId), TrainingArtifacts.Metrics(RunId));
        await artifacts.WriteAsync(bestModel, model);
        await artifacts.WriteAsync(metrics, RunMetricsDocument.Write(RunId, config, result, result.History.Sum(h => h.Seconds)));
        await reports.Completed(TrainingRunResult.From(result, bestModel, metrics));
        logger.LogInformation("run {Run}: completed on {Silo} ({Device}), target UAR {Uar:F4} at epoch {Best} of {Epochs}",
            RunId, silo.Name, device.Name, result.Target.Uar, result.BestEpoch, result.Epochs);
    }

    private async Task ReportFailureAsync(ITrainingRunReports reports, string reason)
    {
        try
        {
            await reports.Failed(reason);
        }
        catch (Exception e)
        {
            // The supervisor will start this trainer again and the failure will be seen again.
            logger.LogWarning(e, "run {Run}: could not report its failure ({Reason})", RunId, reason);
        }
    }
}
