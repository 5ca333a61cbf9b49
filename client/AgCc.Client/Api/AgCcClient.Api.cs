using AgCc.Client.Api;
using AgCc.Core.Experiments;
using AgCc.Core.Training.Config;
using AgCc.Grains.Gestures;

namespace AgCc.Client;

// The operations the HTTP API (/api/v1) is made of, returning its records (Api/ApiRecords.cs), so
// that the API and .NET callers get the same answers.
public sealed partial class AgCcClient
{
    // Launches of one id (or experiment name) go one at a time in this process, so exactly one of
    // several equal launches reports that it created the run. The grain alone guarantees one run.
    private readonly SemaphoreSlim[] launchStripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>A corpus with its counts and rejections, or null when none of that name is registered.</summary>
    public async Task<CorpusDetail?> GetCorpusDetailAsync(string name)
    {
        if (await GetCorpusAsync(name) is null) return null;
        var summary = GetCorpusSummaryAsync(name);
        var rejections = GetRejectionsAsync(name);
        return new CorpusDetail(await summary, await rejections);
    }

    /// <summary>A clustering's status and result (null before it completes), or null for a name never started.</summary>
    public async Task<GestureClusteringDetail?> GetGestureClusteringDetailAsync(string name)
    {
        var status = await GetGestureClusteringStatusAsync(name);
        if (status.Stage == GestureClusteringStage.NotStarted) return null;
        var result = status.Stage == GestureClusteringStage.Completed ? await GetGestureClusteringResultAsync(name) : null;
        return new GestureClusteringDetail(status, result);
    }

    /// <summary>
    /// Launches <paramref name="config"/> under its id (<see cref="RunConfig.RunId"/>) and says
    /// whether this call created the run. Idempotent as <see cref="LaunchRunAsync(string, string)"/>:
    /// another config under the same id throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public async Task<RunLaunch> LaunchRunOnceAsync(RunConfig config)
    {
        var id = config.RunId();
        return await OneAtATimeAsync("run/" + id, async () =>
        {
            var existed = (await GetRunStatusAsync(id)).Exists;
            var status = await LaunchRunAsync(config, id);
            return new RunLaunch(id, !existed, status);
        });
    }

    /// <summary>Starts <paramref name="config"/> and says whether this call created the experiment (see <see cref="LaunchRunOnceAsync"/>).</summary>
    public async Task<ExperimentLaunch> StartExperimentOnceAsync(ExperimentConfig config) =>
        await OneAtATimeAsync("experiment/" + config.Name, async () =>
        {
            var existed = (await GetExperimentStatusAsync(config.Name)).Exists;
            var status = await StartExperimentAsync(config);
            return new ExperimentLaunch(config.Name, !existed, status);
        });

    private async Task<T> OneAtATimeAsync<T>(string key, Func<Task<T>> action)
    {
        var stripe = launchStripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)launchStripes.Length)];
        await stripe.WaitAsync();
        try
        {
            return await action();
        }
        finally
        {
            stripe.Release();
        }
    }
}
