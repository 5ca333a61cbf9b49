using System.Runtime.CompilerServices;
using AgCc.Core.Training.Config;
using AgCc.Grains.Catalogs;
using AgCc.Grains.Training;

namespace AgCc.Client;

// Training runs: launched into the cluster, which trains and survives silo losses on its own;
// following one only reads its status, so a follower rides out the loss of the run's silo too.
public sealed partial class AgCcClient
{
    /// <summary>How long a watch waits for an epoch before it subscribes again.</summary>
    private static readonly TimeSpan WatchIdle = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Launches a run from a RunConfig JSON document and returns at once (queued). Launching an
    /// equal config again returns its status (a failed or cancelled run goes on from its last checkpoint);
    /// an invalid config throws <see cref="ArgumentException"/> listing every problem.
    /// </summary>
    public Task<TrainingRunStatus> LaunchRunAsync(string runId, string configJson) => Run(runId).Launch(configJson);

    /// <summary>Launches <paramref name="config"/> under <paramref name="runId"/>, by default its own id (<see cref="RunConfig.RunId"/>).</summary>
    public Task<TrainingRunStatus> LaunchRunAsync(RunConfig config, string? runId = null) =>
        LaunchRunAsync(runId ?? config.RunId(), RunConfigJson.Write(config));

    /// <summary>A run's state, history and result; <see cref="TrainingRunStatus.Exists"/> is false for an id never launched.</summary>
    public Task<TrainingRunStatus> GetRunStatusAsync(string runId) => Run(runId).GetStatus();

    /// <summary>Stops a run between two training steps; its last checkpoint stays, and launching it again goes on from there.</summary>
    public Task CancelRunAsync(string runId) => Run(runId).Cancel();

    /// <summary>Every run ever launched, in catalog order.</summary>
    public async Task<IReadOnlyList<TrainingRunStatus>> ListRunsAsync()
    {
        var ids = await Catalog(CatalogKeys.TrainingRuns).List();
        return await Task.WhenAll(ids.Select(id => Run(id).GetStatus()));
    }

    /// <summary>
    /// The run's finished epochs, then each new one, until the run ends. When the run's silo is lost
    /// the watch is taken up again on its new activation, without repeating an epoch.
    /// </summary>
    public async IAsyncEnumerable<EpochMetricsRecord> WatchRunAsync(string runId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var run = Run(runId);
        var last = 0;
        var retry = new TransientRetry();
        while (true)
        {
            // A watch idle for WatchIdle is taken up again: a call in flight to a silo that was killed
            // may otherwise wait for the response timeout; the new watch repeats no epoch.
            using var subscription = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            subscription.CancelAfter(WatchIdle);
            var epochs = run.WatchEpochs(subscription.Token).GetAsyncEnumerator(subscription.Token);
            try
            {
                while (await retry.TryAsync(() => NextAsync(epochs, cancellationToken), cancellationToken) is { Value: { } more })
                {
                    if (!more) yield break;
                    subscription.CancelAfter(WatchIdle);
                    if (epochs.Current.Epoch <= last) continue;
                    last = epochs.Current.Epoch;
                    yield return epochs.Current;
                }
            }
            finally
            {
                await TransientRetry.DisposeQuietlyAsync(epochs);
            }
        }
    }

    /// <summary>The next epoch's arrival, or null when the watch went idle (cancelled, but not by the caller).</summary>
    private static async Task<bool?> NextAsync(IAsyncEnumerator<EpochMetricsRecord> epochs, CancellationToken caller)
    {
        try
        {
            return await epochs.MoveNextAsync();
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// Launches the run and follows it until it completes, fails or is cancelled, reporting its
    /// status every <paramref name="pollInterval"/> (default half a second).
    /// </summary>
    public async Task<TrainingRunStatus> TrainAsync(
        string runId, string configJson, IProgress<TrainingRunStatus>? progress = null, TimeSpan? pollInterval = null,
        CancellationToken cancellationToken = default)
    {
        var started = await LaunchRunAsync(runId, configJson);
        var retry = new TransientRetry();
        return await FollowAsync(started, () => retry.CallAsync(() => GetRunStatusAsync(runId), cancellationToken),
            s => s.IsActive, progress, pollInterval, cancellationToken);
    }

    /// <inheritdoc cref="TrainAsync(string, string, IProgress{TrainingRunStatus}?, TimeSpan?, CancellationToken)"/>
    public Task<TrainingRunStatus> TrainAsync(
        RunConfig config, string? runId = null, IProgress<TrainingRunStatus>? progress = null, TimeSpan? pollInterval = null,
        CancellationToken cancellationToken = default) =>
        TrainAsync(runId ?? config.RunId(), RunConfigJson.Write(config), progress, pollInterval, cancellationToken);

    private ITrainingRunGrain Run(string runId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        return cluster.GetGrain<ITrainingRunGrain>(runId);
    }
}
