namespace AgCc.Dashboard.Live;

/// <summary>
/// Hands values to a page at most once per <see cref="Interval"/>: a value posted sooner is held,
/// and only the latest held value is delivered when the interval has passed (a burst of epochs
/// becomes one redraw). Deliveries never overlap.
/// </summary>
public sealed class LatestOnlyThrottle<T>(TimeSpan interval, Func<T, Task> deliver, TimeProvider? clock = null) : IDisposable
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stop = new();
    private T? held;
    private bool holding;
    private bool scheduled;
    private long lastDelivery = long.MinValue;

    public TimeSpan Interval => interval;

    public void Post(T value)
    {
        lock (gate)
        {
            held = value;
            holding = true;
            if (scheduled || stop.IsCancellationRequested) return;
            scheduled = true;
        }
        _ = DeliverAsync();
    }

    private async Task DeliverAsync()
    {
        try
        {
            while (true)
            {
                var wait = lastDelivery == long.MinValue ? TimeSpan.Zero : interval - time.GetElapsedTime(lastDelivery);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, stop.Token);
                T value;
                lock (gate)
                {
                    if (!holding)
                    {
                        scheduled = false;
                        return;
                    }
                    (value, held, holding) = (held!, default, false);
                }
                lastDelivery = time.GetTimestamp();
                await deliver(value);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the page is gone.
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        stop.Dispose();
    }
}
