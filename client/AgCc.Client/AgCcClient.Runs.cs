using AgCc.Grains.Training;

namespace AgCc.Client;

// The run index and run edits for the dashboard's Runs pages (docs/dashboard.md).
public sealed partial class AgCcClient
{
    /// <summary>
    /// A page of runs from the run index, sorted and filtered there (one call, however many runs
    /// there are), with how many pass the filters in all.
    /// </summary>
    public Task<RunPage> QueryRunsAsync(RunQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return cluster.GetGrain<IRunIndexGrain>(RunIndexKeys.All).Query(query);
    }

    /// <summary>
    /// Replaces a run's tags (its config keeps its own, so launching the config again stays a no-op);
    /// invalid tags throw <see cref="ArgumentException"/> naming the tag (<see cref="RunTags"/>).
    /// </summary>
    public Task<TrainingRunStatus> SetRunTagsAsync(string runId, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        string[] list = [.. tags];
        RunTags.Validate(list);
        return Run(runId).SetTags(list);
    }

    /// <summary>
    /// Launches a run again with its stored config: a failed or cancelled run resumes from its last
    /// checkpoint; an active or completed one is left as it is. A run never launched is refused
    /// with <see cref="InvalidOperationException"/>.
    /// </summary>
    public async Task<TrainingRunStatus> ResumeRunAsync(string runId)
    {
        var status = await GetRunStatusAsync(runId);
        if (status.Config is not { } config) throw new InvalidOperationException($"run '{runId}' was never launched: there is no config to resume it with");
        return await Run(runId).Launch(config);
    }
}
