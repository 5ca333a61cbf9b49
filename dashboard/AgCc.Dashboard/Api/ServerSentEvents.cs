using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using AgCc.Client;
using AgCc.Client.Api;
using AgCc.Dashboard.Live;
using AgCc.Grains.Experiments;
using AgCc.Grains.Training;

namespace AgCc.Dashboard.Api;

/// <summary>
/// Live progress as server-sent events (`event: TYPE` / `data: JSON`, <see cref="ApiEvents"/>),
/// ending with `end` once the run or experiment is over. A run's come from its pushes
/// (<see cref="RunUpdates"/>, the run pages' own observer), with a read of its status when no push
/// came for a while; an experiment's from reading its status every second (it pushes nothing yet).
/// </summary>
public static class ServerSentEvents
{
    public static async IAsyncEnumerable<SseItem<string>> ForRun(
        string id, AgCcClient client, RunUpdates updates, TimeSpan pollFallback, JsonSerializerOptions json,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pushed = Channel.CreateUnbounded<TrainingRunStatus>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = updates.Watch(id, status =>
        {
            pushed.Writer.TryWrite(status);
            return Task.CompletedTask;
        });
        // Read after subscribing: a change in between is then either in this read or pushed.
        var status = await client.GetRunStatusAsync(id);
        var tracker = new RunEventTracker();
        while (true)
        {
            foreach (var (type, data) in tracker.Next(status)) yield return new SseItem<string>(JsonSerializer.Serialize(data, data.GetType(), json), type);
            if (!status.IsActive) yield break;
            status = await NextAsync(pushed.Reader, () => client.GetRunStatusAsync(id), pollFallback, cancellationToken);
        }
    }

    public static async IAsyncEnumerable<SseItem<string>> ForExperiment(
        string name, AgCcClient client, TimeSpan pollInterval, JsonSerializerOptions json, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(pollInterval);
        string? last = null;
        while (true)
        {
            var status = await client.GetExperimentStatusAsync(name);
            var data = JsonSerializer.Serialize(status, json);
            if (!status.IsActive)
            {
                yield return new SseItem<string>(data, ApiEvents.End);
                yield break;
            }
            if (data != last) yield return new SseItem<string>(data, ApiEvents.Status);
            last = data;
            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }

    /// <summary>The next pushed status (the latest of those waiting), or a read one when nothing came within <paramref name="fallback"/>.</summary>
    private static async Task<TrainingRunStatus> NextAsync(
        ChannelReader<TrainingRunStatus> pushed, Func<Task<TrainingRunStatus>> read, TimeSpan fallback, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(fallback);
        try
        {
            await pushed.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return await read();
        }
        TrainingRunStatus? latest = null;
        while (pushed.TryRead(out var status)) latest = status;
        return latest ?? await read();
    }
}

/// <summary>
/// Turns a run's successive statuses into events: each finished epoch once and in order (even when
/// statuses were skipped: the history holds them), a status when its summary changed, and `end`.
/// </summary>
public sealed class RunEventTracker
{
    private int lastEpoch;
    private RunSummary? last;
    private bool ended;

    public IEnumerable<(string Type, object Data)> Next(TrainingRunStatus status)
    {
        if (ended) yield break;
        foreach (var epoch in status.History.Where(h => h.Epoch > lastEpoch).OrderBy(h => h.Epoch))
        {
            lastEpoch = epoch.Epoch;
            yield return (ApiEvents.Epoch, epoch);
        }
        if (RunSummary.From(status) is not { } summary) yield break;
        if (!status.IsActive)
        {
            ended = true;
            yield return (ApiEvents.End, summary);
        }
        else if (!summary.SameAs(last))
        {
            yield return (ApiEvents.Status, summary);
        }
        last = summary;
    }
}
