using Microsoft.Extensions.Logging;

namespace AgCc.Grains.Training;

// The run index and the run's tags: every write of the run's state is followed by an upsert of its
// summary into the run index (IRunIndexGrain), so the Runs page never reads runs one by one.
public sealed partial class TrainingRunGrain
{
    public async Task<TrainingRunStatus> SetTags(string[] tags)
    {
        RunTags.Validate(tags);
        if (State.Config is null) throw new InvalidOperationException($"run '{Id}' was never launched; launch it before tagging it");
        // Kept beside the config, not in it: the config's hash (an equal launch is a no-op) stays.
        State.Tags = [.. tags];
        await WriteAndIndexAsync();
        return Status();
    }

    /// <summary>Writes the run's state, then upserts its summary into the run index and tells its watchers.</summary>
    private async Task WriteAndIndexAsync()
    {
        await state.WriteStateAsync();
        await IndexAsync();
        NotifyWatchers();
    }

    /// <summary>
    /// Upserts the run's summary. A failure is only logged: the run goes on, and its next write (or
    /// the index's backfill of runs it lacks) puts the row right.
    /// </summary>
    private async Task IndexAsync()
    {
        if (RunSummary.From(Status()) is not { } summary) return;
        try
        {
            await GrainFactory.GetGrain<IRunIndexGrain>(RunIndexKeys.All).Upsert(summary);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "run {Run}: could not update the run index", Id);
        }
    }

    /// <summary>The tags the run shows: edited ones, else the config's (null: the config's, read by RunSummary).</summary>
    private string[]? EffectiveTags => State.Tags is { } edited ? [.. edited] : null;
}
