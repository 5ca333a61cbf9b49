using System.Runtime.CompilerServices;
using AgCc.Core.Training.Config;
using AgCc.Grains.Catalogs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace AgCc.Grains.Training;

/// <summary>
/// A training run: accepts a config, persists it and the state machine, and supervises the run's
/// <see cref="ITrainerGrain"/> until the run ends: a timer while this activation lives, a
/// reminder after its silo dies, each tick starting the trainer if it does not run (a new trainer
/// goes on from the run's last checkpoint). The trainer's reports (<see cref="ITrainingRunReports"/>)
/// move the state and grow the history.
/// </summary>
public sealed partial class TrainingRunGrain(
    [PersistentState("training-run", GrainStorage.Name)] IPersistentState<TrainingRunGrainState> state,
    IOptions<TrainingOptions> options,
    TimeProvider clock,
    ILogger<TrainingRunGrain> logger) : Grain, ITrainingRunGrain, ITrainingRunReports, IRemindable
{
    private const string SuperviseReminder = "supervise-training";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan WatchHeartbeat = TimeSpan.FromSeconds(5);
    private IGrainTimer? timer;
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private string Id => this.GetPrimaryKeyString();

    private TrainingRunGrainState State => state.State;

    private bool IsActive => State.Config is not null && State.State.IsActive();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A new activation of an unfinished run (its silo died, or it was deactivated): check on the trainer at once.
        if (IsActive) StartTimer(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    public async Task<TrainingRunStatus> Launch(string configJson)
    {
        var config = Parse(configJson);
        var hash = RunConfigJson.Hash(config with { Id = null });
        if (State.ConfigHash is { } launched)
        {
            if (launched != hash)
                throw new InvalidOperationException($"run '{Id}' was launched with another config; launch this one under another id (or leave its id out)");
            if (State.State is TrainingRunState.Failed or TrainingRunState.Cancelled)
            {
                // A retry or a resume: the trainer goes on from the run's last checkpoint.
                State.State = TrainingRunState.Queued;
                State.Failure = null;
                State.FinishedAt = null;
                await WriteAndIndexAsync();
                await SuperviseFromNowAsync();
            }
            else if (IsActive)
            {
                StartTimer(options.Value.SupervisionInterval);
            }
            return Status();
        }

        state.State = new TrainingRunGrainState
        {
            Config = RunConfigJson.Write(config),
            ConfigHash = hash,
            State = TrainingRunState.Queued,
            Epochs = config.Training.Epochs,
            QueuedAt = clock.GetUtcNow(),
        };
        await WriteAndIndexAsync();
        // After the run's own write: a crash in between leaves a run that a retried launch lists (Add is idempotent).
        await GrainFactory.GetGrain<ICatalogGrain>(CatalogKeys.TrainingRuns).Add(Id);
        await SuperviseFromNowAsync();
        return Status();
    }

    public Task<TrainingRunStatus> GetStatus() => Task.FromResult(Status());

    public async Task Cancel()
    {
        if (!IsActive) return;
        await FinishAsync(TrainingRunState.Cancelled);
        try
        {
            await GrainFactory.GetGrain<ITrainerGrain>(Id).Cancel();
        }
        catch (Exception e)
        {
            // The trainer stops anyway at its next report, which the cancelled run refuses.
            logger.LogWarning(e, "run {Run}: could not reach its trainer to cancel it", Id);
        }
    }

    public async IAsyncEnumerable<EpochMetricsRecord> WatchEpochs([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var last = 0;
        while (true)
        {
            // Both read before yielding: epochs may arrive (and the run end) while a yield waits on the caller.
            var next = changed.Task;
            var ended = !IsActive;
            foreach (var epoch in State.History.Where(h => h.Epoch > last).OrderBy(h => h.Epoch).ToList())
            {
                last = epoch.Epoch;
                yield return epoch;
            }
            if (ended) yield break;
            // Runs on this activation between its calls; each report completes `changed`.
            await Task.WhenAny(next, Task.Delay(WatchHeartbeat, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => SuperviseAsync(CancellationToken.None);

    private RunConfig Parse(string configJson)
    {
        RunConfig config;
        try
        {
            config = RunConfigJson.Parse(configJson ?? "", $"run '{Id}'");
        }
        catch (ConfigException e)
        {
            throw new ArgumentException($"run '{Id}': the config has {e.Problems.Count} problem(s): {string.Join("; ", e.Problems)}", nameof(configJson));
        }
        if (config.Id is { } id && id != Id)
            throw new ArgumentException($"run '{Id}': the config's id is '{id}'; launch it under that id, or leave the id out of the config", nameof(configJson));
        var keyed = config with { Id = Id };
        if (keyed.Problems() is { Count: > 0 } problems)
            throw new ArgumentException($"run '{Id}': {string.Join("; ", problems)}", nameof(configJson));
        return keyed;
    }

    private TrainingRunStatus Status() => new(
        Id,
        State.State,
        State.Config,
        State.Failure,
        State.History.Count == 0 ? 0 : State.History.Max(h => h.Epoch),
        State.Epochs,
        [.. State.History],
        State.Result,
        State.Silo,
        State.Device,
        State.Resumes,
        State.QueuedAt,
        State.StartedAt,
        State.FinishedAt,
        EffectiveTags);
}
