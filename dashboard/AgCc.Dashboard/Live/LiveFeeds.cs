using System.Collections.Concurrent;
using AgCc.Grains.Training;

namespace AgCc.Dashboard.Live;

/// <summary>
/// Values pushed by grains (through Orleans observers of type <typeparamref name="TWatcher"/>) to
/// the pages that show them: one observer per watched grain in this process, shared by every page
/// (and circuit) showing it, renewed before its subscription lapses (a silo loss or a lost client
/// cleans itself up), dropped with its last page. Each page hears at most
/// <see cref="MaxPerSecond"/> updates a second, the latest one. A subclass says how to subscribe to
/// its grain and makes the observer object that forwards the grain's pushes to <c>push</c>.
/// </summary>
public abstract class LiveFeeds<TWatcher, T>(IClusterClient cluster, ILogger logger) : IAsyncDisposable
    where TWatcher : class, IGrainObserver
{
    public const int MaxPerSecond = 4;
    private readonly ConcurrentDictionary<string, Feed> feeds = new(StringComparer.Ordinal);

    protected IClusterClient Cluster { get; } = cluster;

    /// <summary>How long a grain keeps a subscription that is not renewed; feeds renew at a third of it.</summary>
    protected virtual TimeSpan Lapse => RunWatching.Lapse;

    /// <summary>The observer object: forwards each of the grain's pushes (value, sequence) to <paramref name="push"/>.</summary>
    protected abstract TWatcher Listen(Action<T, long> push);

    protected abstract Task SubscribeAsync(string key, TWatcher reference);

    protected abstract Task UnsubscribeAsync(string key, TWatcher reference);

    /// <summary>Calls <paramref name="onChange"/> with each value the grain <paramref name="key"/> pushes, until the returned handle is disposed.</summary>
    public IDisposable Watch(string key, Func<T, Task> onChange)
    {
        var throttle = new LatestOnlyThrottle<T>(TimeSpan.FromSeconds(1.0 / MaxPerSecond), onChange);
        while (true)
        {
            var feed = feeds.GetOrAdd(key, k => new Feed(this, k));
            if (feed.Add(throttle)) return new Subscription(feed, throttle);
            // The feed was closing as its last page left: take a fresh one.
            feeds.TryRemove(new KeyValuePair<string, Feed>(key, feed));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var feed in feeds.Values) await feed.CloseAsync();
        feeds.Clear();
        GC.SuppressFinalize(this);
    }

    /// <summary>One grain's observer and the pages listening to it.</summary>
    private sealed class Feed
    {
        private readonly LiveFeeds<TWatcher, T> owner;
        private readonly string key;
        private readonly List<LatestOnlyThrottle<T>> listeners = [];
        private readonly CancellationTokenSource stop = new();
        // Orleans holds observers weakly: the feed (kept by the dictionary) keeps the object alive.
        private readonly TWatcher local;
        private readonly TWatcher reference;
        private bool closed;
        private long latest = long.MinValue;

        public Feed(LiveFeeds<TWatcher, T> owner, string key)
        {
            (this.owner, this.key) = (owner, key);
            local = owner.Listen(Pushed);
            reference = owner.Cluster.CreateObjectReference<TWatcher>(local);
            _ = RenewAsync();
        }

        public bool Add(LatestOnlyThrottle<T> listener)
        {
            lock (listeners)
            {
                if (closed) return false;
                listeners.Add(listener);
                return true;
            }
        }

        public void Remove(LatestOnlyThrottle<T> listener)
        {
            lock (listeners)
            {
                listeners.Remove(listener);
                if (listeners.Count > 0 || closed) return;
                closed = true;
            }
            owner.feeds.TryRemove(new KeyValuePair<string, Feed>(key, this));
            _ = CloseAsync();
        }

        private void Pushed(T value, long sequence)
        {
            lock (listeners)
            {
                // One-way pushes may arrive out of order: an older one would undo a newer one.
                if (sequence <= latest) return;
                latest = sequence;
                foreach (var listener in listeners) listener.Post(value);
            }
        }

        /// <summary>Subscribes at once and again every third of the lapse (a silo loss moves the grain; the next renewal finds it).</summary>
        private async Task RenewAsync()
        {
            using var timer = new PeriodicTimer(owner.Lapse / 3);
            do
            {
                try
                {
                    await owner.SubscribeAsync(key, reference);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    owner.Log(e, "{Key}: could not subscribe; trying again", key);
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
                await owner.UnsubscribeAsync(key, reference);
            }
            catch (Exception e)
            {
                owner.Log(e, "{Key}: could not unsubscribe (the subscription lapses on its own)", key);
            }
            owner.Cluster.DeleteObjectReference<TWatcher>(reference);
        }
    }

    private void Log(Exception e, string message, string key)
    {
#pragma warning disable CA2254 // the message templates are this class's own constants
        logger.LogDebug(e, $"{GetType().Name} {message}", key);
#pragma warning restore CA2254
    }

    private sealed class Subscription(Feed feed, LatestOnlyThrottle<T> throttle) : IDisposable
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
