using AgCc.Core.Experiments;
using AgCc.Core.Experiments.Analysis;
using AgCc.Core.Experiments.Results;
using AgCc.Core.Training.Config;
using AgCc.Grains.Catalogs;
using AgCc.Grains.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace AgCc.Grains.Experiments;

/// <summary>
/// An experiment: accepts a grid, persists it with an outcome per run, and drives it from a
/// background loop in this activation (<see cref="ExperimentGrain"/>.Drive): the shared
/// preparation, then launching runs as training slots free up and following them. A timer keeps
/// the activation (and the loop) alive; a reminder brings it back on another silo after this
/// one's loss, and the loop goes on from the persisted outcomes.
/// </summary>
public sealed partial class ExperimentGrain(
    [PersistentState("experiment", GrainStorage.Name)] IPersistentState<ExperimentGrainState> state,
    IOptions<TrainingOptions> options,
    TimeProvider clock,
    ILogger<ExperimentGrain> logger) : Grain, IExperimentGrain, IRemindable
{
    private const string SuperviseReminder = "supervise-experiment";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan TimerPeriod = TimeSpan.FromSeconds(10);
    private IGrainTimer? timer;
    private Task? drive;
    private CancellationTokenSource? cancellation;

    private string Name => this.GetPrimaryKeyString();

    private ExperimentGrainState State => state.State;

    private bool IsActive => State.Config is not null && State.Stage.IsActive();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A new activation of an unfinished experiment (its silo died, or it was deactivated): go on.
        if (IsActive) Supervise();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => StopDrivingAsync();

    /// <summary>Stops the loop and waits for it (it stops at its next await), so only one writer touches the state.</summary>
    private async Task StopDrivingAsync()
    {
        cancellation?.Cancel();
        if (drive is not null) await drive; // DriveAsync handles its own exceptions
    }

    public async Task<ExperimentStatus> Start(string configJson)
    {
        var config = Parse(configJson);
        var hash = ExperimentConfigJson.Hash(config);
        if (State.ConfigHash is { } started)
        {
            if (started != hash)
                throw new InvalidOperationException($"experiment '{Name}' was started with another config; start this one under another name");
            if (State.Stage == ExperimentStage.Failed)
            {
                // A retry: preparation again (what exists is reused), then the runs that have not ended.
                State.Stage = ExperimentStage.Preparing;
                State.Failure = null;
                State.FinishedAt = null;
                await WriteAsync();
            }
            if (IsActive) await SuperviseFromNowAsync();
            return Status();
        }

        state.State = new ExperimentGrainState
        {
            Config = ExperimentConfigJson.Write(config),
            ConfigHash = hash,
            Stage = ExperimentStage.Preparing,
            Runs = [.. config.Runs().Select(r => new ExperimentRunOutcome(r.Cell, r.Seed, r.RunId, ExperimentRunOutcome.Pending, 0, r.Config.Training.Epochs, null, null))],
            StartedAt = clock.GetUtcNow(),
        };
        await WriteAsync();
        await GrainFactory.GetGrain<ICatalogGrain>(CatalogKeys.Experiments).Add(Name);
        await SuperviseFromNowAsync();
        return Status();
    }

    public Task<ExperimentStatus> GetStatus() => Task.FromResult(Status());

    public Task<IReadOnlyList<AnchorAgreement>> GetAnalysis() => Task.FromResult<IReadOnlyList<AnchorAgreement>>([.. State.Analysis]);

    public async Task Cancel()
    {
        if (!IsActive) return;
        await StopDrivingAsync();
        State.Stage = ExperimentStage.Cancelled;
        State.Activity = null;
        State.FinishedAt = clock.GetUtcNow();
        await WriteAsync();
        await StopSupervisionAsync();
        // Every launched run that has not ended: cancelled runs are reported as such, never hidden.
        var runs = State.Runs.Where(r => !r.HasEnded && r.State != ExperimentRunOutcome.Pending).ToList();
        await Task.WhenAll(runs.Select(r => GrainFactory.GetGrain<ITrainingRunGrain>(r.RunId).Cancel()));
        await RefreshAsync(runs.Select(r => State.Runs.IndexOf(r)).ToList());
        for (var i = 0; i < State.Runs.Count; i++)
            if (State.Runs[i].State == ExperimentRunOutcome.Pending) State.Runs[i] = State.Runs[i] with { State = ExperimentRunOutcome.Cancelled };
        await WriteAsync();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Supervise();
        return Task.CompletedTask;
    }

    private ExperimentConfig Parse(string configJson)
    {
        ExperimentConfig config;
        try
        {
            config = ExperimentConfigJson.Parse(configJson ?? "", $"experiment '{Name}'");
        }
        catch (ConfigException e)
        {
            throw new ArgumentException($"experiment '{Name}': the config has {e.Problems.Count} problem(s): {string.Join("; ", e.Problems)}", nameof(configJson));
        }
        if (config.Name != Name)
            throw new ArgumentException($"experiment '{Name}': the config's name is '{config.Name}'; start it under that name", nameof(configJson));
        return config;
    }

    private ExperimentStatus Status() => new(
        Name, State.Stage, State.Config, State.Activity, State.Failure, [.. State.Runs], State.Clustering, State.StartedAt, State.FinishedAt);

    private async Task SuperviseFromNowAsync()
    {
        await this.RegisterOrUpdateReminder(SuperviseReminder, ReminderPeriod, ReminderPeriod);
        Supervise();
    }

    /// <summary>Keeps the activation alive with a timer and starts the loop unless it runs.</summary>
    private void Supervise()
    {
        if (!IsActive) return;
        timer ??= this.RegisterGrainTimer(() => { Supervise(); return Task.CompletedTask; }, new GrainTimerCreationOptions(TimerPeriod, TimerPeriod) { KeepAlive = true });
        if (drive is { IsCompleted: false }) return;
        cancellation?.Dispose();
        cancellation = new CancellationTokenSource();
        drive = DriveAsync(cancellation.Token);
    }

    private async Task StopSupervisionAsync()
    {
        timer?.Dispose();
        timer = null;
        if (await this.GetReminder(SuperviseReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }
}
