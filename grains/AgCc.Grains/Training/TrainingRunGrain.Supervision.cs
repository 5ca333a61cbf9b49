using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace AgCc.Grains.Training;

// The supervisor: while the run is active, a timer (this activation) and a reminder (any silo,
// after this one's loss) make sure its trainer runs; reaching an end state stops both.
public sealed partial class TrainingRunGrain
{
    /// <summary>Registers the reminder, starts the timer and starts the trainer now (placement fails fast when a gpu is required and none exists).</summary>
    private async Task SuperviseFromNowAsync()
    {
        await this.RegisterOrUpdateReminder(SuperviseReminder, ReminderPeriod, ReminderPeriod);
        StartTimer(options.Value.SupervisionInterval);
        await SuperviseAsync(CancellationToken.None);
    }

    /// <summary>Keeps this activation alive while it supervises: an epoch can take longer than the idle collection age.</summary>
    private void StartTimer(TimeSpan dueTime) =>
        timer ??= this.RegisterGrainTimer(SuperviseAsync, new GrainTimerCreationOptions(dueTime, options.Value.SupervisionInterval) { KeepAlive = true });

    private async Task SuperviseAsync(CancellationToken cancellationToken)
    {
        if (!IsActive)
        {
            await StopSupervisionAsync();
            return;
        }
        try
        {
            await StartTrainerAsync();
        }
        catch (Exception e) when (e.ToString().Contains(GpuPlacementDirector.NoGpuSilo, StringComparison.Ordinal) && State.StartedAt is null)
        {
            // Never started and cannot be placed: say so rather than wait for a gpu silo that may never come.
            await FailAsync(FirstLine(e, GpuPlacementDirector.NoGpuSilo));
        }
        catch (Exception e)
        {
            // Its silo may be going down, or a gpu silo coming back: the next tick tries again.
            logger.LogWarning(e, "run {Run}: could not reach its trainer; retrying in {Interval}", Id, options.Value.SupervisionInterval);
        }
    }

    /// <summary>
    /// Starts (or confirms) the trainer on the silo the ledger chooses: a placement hint, used only
    /// when this call activates the trainer. One that lives elsewhere is recorded where it is.
    /// </summary>
    private async Task StartTrainerAsync()
    {
        var ledger = GrainFactory.GetGrain<ITrainerLedgerGrain>(0);
        var chosen = await ledger.Choose(Id);
        var previous = RequestContext.Get(IPlacementDirector.PlacementHintKey);
        RequestContext.Set(IPlacementDirector.PlacementHintKey, chosen);
        TrainerStatus status;
        try
        {
            status = await GrainFactory.GetGrain<ITrainerGrain>(Id).Start(State.Config!);
        }
        finally
        {
            if (previous is null) RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            else RequestContext.Set(IPlacementDirector.PlacementHintKey, previous);
        }
        if (!status.Address.Equals(chosen)) await ledger.Placed(Id, status.Address);
    }

    private async Task StopSupervisionAsync()
    {
        timer?.Dispose();
        timer = null;
        if (await this.GetReminder(SuperviseReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    /// <summary>Ends the run in <paramref name="end"/> (persisted), wakes its watchers and stops supervising.</summary>
    private async Task FinishAsync(TrainingRunState end)
    {
        State.State = end;
        State.FinishedAt = clock.GetUtcNow();
        await WriteAndIndexAsync();
        Changed();
        await StopSupervisionAsync();
    }

    private Task FailAsync(string reason)
    {
        State.Failure = reason;
        return FinishAsync(TrainingRunState.Failed);
    }

    private void Changed()
    {
        var previous = changed;
        changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }

    /// <summary>The message of the exception (or inner one) that says <paramref name="marker"/>.</summary>
    private static string FirstLine(Exception e, string marker)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x.Message.Contains(marker, StringComparison.Ordinal)) return x.Message;
        return e.Message;
    }
}
