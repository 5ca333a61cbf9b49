namespace AgCc.Grains.Training;

// What the trainer reports. Every report is refused (false) once the run has ended, which stops a
// trainer that a cancel did not reach; reports repeated by a resumed trainer change nothing twice.
public sealed partial class TrainingRunGrain
{
    public async Task<bool> Preparing(string silo, string device)
    {
        if (!IsActive) return false;
        State.State = TrainingRunState.Preparing;
        State.Silo = silo;
        State.Device = device;
        State.StartedAt ??= clock.GetUtcNow();
        await WriteAndIndexAsync();
        Changed();
        return true;
    }

    public async Task<bool> Training(bool resumed, IReadOnlyList<EpochMetricsRecord> history)
    {
        if (!IsActive) return false;
        State.State = TrainingRunState.Training;
        if (resumed) State.Resumes++;
        // The checkpoint's history is the truth: epochs reported after it are trained again.
        State.History = [.. history];
        await WriteAndIndexAsync();
        Changed();
        return true;
    }

    public async Task<bool> Epoch(EpochMetricsRecord epoch)
    {
        if (!IsActive) return false;
        State.History.RemoveAll(h => h.Epoch >= epoch.Epoch);
        State.History.Add(epoch);
        State.State = TrainingRunState.Training;
        await WriteAndIndexAsync();
        Changed();
        return true;
    }

    public async Task<bool> Evaluating()
    {
        if (!IsActive) return false;
        State.State = TrainingRunState.Evaluating;
        await WriteAndIndexAsync();
        Changed();
        return true;
    }

    public async Task Completed(TrainingRunResult result)
    {
        if (!IsActive) return;
        State.Result = result;
        await FinishAsync(TrainingRunState.Completed);
    }

    public async Task Failed(string reason)
    {
        if (!IsActive) return;
        await FailAsync(reason);
    }
}
