using System.Collections.Concurrent;
using AgCc.Grains.Training;

namespace AgCc.Dashboard.Live;

/// <summary>
/// Run statuses pushed by the runs themselves (<see cref="IRunWatcher"/>) to the pages that show
/// them: one observer per watched run in this process, shared by every page (and circuit) showing
/// it, renewed before its subscription lapses, dropped with its last page. Each page hears at most
/// <see cref="MaxPerSecond"/> updates a second, the latest one.
/// </summary>
public sealed class RunUpdates(IClusterClient cluster, ILogger<RunUpdates> logger) : IAsyncDisposable
{
    public const int MaxPerSecond = 4;
    private readonly IClusterClient cluster = cluster;
    private readonly ILogger logger = logger;
    private readonly ConcurrentDictionary<string, Feed> feeds = new(StringComparer.Ordinal);

    /// <summary>Calls <paramref name="onChange"/> with the run's status whenever it changes, until the returned handle is disposed.</summary>
    public IDisposable Watch(string runId, Func<TrainingRunStatus, Task> onChange)
    {
        var throttle = new LatestOnlyThrottle<TrainingRunStatus>(TimeSpan.FromSeconds(1.0 / MaxPerSecond), onChange);
        while (true)
        {
            var feed = feeds.GetOrAdd(runId, id => new Feed(this, id));
            if (feed.Add(throttle)) return new Subscription(feed, throttle);
            // The feed was closing as its last page left: take a fresh one.
            feeds.TryRemove(new KeyValuePair<string, Feed>(runId, feed));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var feed in feeds.Values) await feed.CloseAsync();
        feeds.Clear();
    }

    /// <summary>One run's observer and the pages listening to it.</summary>
    private sealed class Feed : IRunWatcher
    {
        private readonly RunUpdates owner;
        private readonly string runId;
        private readonly List<LatestOnlyThrottle<TrainingRunStatus>> listeners = [];
        private readonly CancellationTokenSource stop = new();
        private readonly IRunWatcher reference;
        private bool closed;
        private long latest = long.MinValue;

        public Feed(RunUpdates owner, string runId)
        {
            (this.owner, this.runId) = (owner, runId);
            reference = owner.cluster.CreateObjectReference<IRunWatcher>(this);
            _ = RenewAsync();
        }

        private ITrainingRunGrain Run => owner.cluster.GetGrain<ITrainingRunGrain>(runId);

        public bool Add(LatestOnlyThrottle<TrainingRunStatus> listener)
        {
            lock (listeners)
            {
                if (closed) return false;
                listeners.Add(listener);
                return true;
            }
        }

        public void Remove(LatestOnlyThrottle<TrainingRunStatus> listener)
        {
            lock (listeners)
            {
                listeners.Remove(listener);
                if (listeners.Count > 0 || closed) return;
                closed = true;
            }
            owner.feeds.TryRemove(new KeyValuePair<string, Feed>(runId, this));
            _ = CloseAsync();
        }

        public void RunChanged(TrainingRunStatus status, long sequence)
        {
            lock (listeners)
            {
                // One-way pushes may arrive out of order: an older one would undo a newer one.
                if (sequence <= latest) return;
                latest = sequence;
                foreach (var listener in listeners) listener.Post(status);
            }
        }

        /// <summary>Subscribes at once and again every third of the lapse (a silo loss moves the run; the next renewal finds it).</summary>
        private async Task RenewAsync()
        {
            using var timer = new PeriodicTimer(RunWatching.Lapse / 3);
            do
            {
                try
                {
                    await Run.Watch(reference);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    owner.logger.LogDebug(e, "run {Run}: could not subscribe; trying again", runId);
                }
            }
            while (await NextAsync(timer));
        }

        private async Task<bool> NextAsync(PeriodicTimer timer)
        {
            try
            {
                return await timer.WaitForNextTickAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public async Task CloseAsync()
        {
            lock (listeners) closed = true;
            if (stop.IsCancellationRequested) return;
            stop.Cancel();
            try
            {
                await Run.Unwatch(reference);
            }
            catch (Exception e)
            {
                owner.logger.LogDebug(e, "run {Run}: could not unsubscribe (the subscription lapses on its own)", runId);
            }
            owner.cluster.DeleteObjectReference<IRunWatcher>(reference);
        }
    }

    private sealed class Subscription(Feed feed, LatestOnlyThrottle<TrainingRunStatus> throttle) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 1) return;
            throttle.Dispose();
            feed.Remove(throttle);
        }
    }
}
