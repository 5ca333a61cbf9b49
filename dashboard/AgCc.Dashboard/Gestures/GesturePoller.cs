namespace AgCc.Dashboard.Gestures;

/// <summary>
/// Refreshes a page until it is disposed: every <c>running</c> interval while the last refresh saw a
/// clustering running, every <c>idle</c> interval otherwise. The loop ends when the poller is
/// disposed (with its component), so nothing outlives the page.
/// </summary>
public sealed class GesturePoller(TimeSpan running, TimeSpan idle) : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private int started;
    private int disposed;

    /// <summary>The loop, for tests to await after disposing; null before <see cref="Start"/>.</summary>
    public Task? Loop { get; private set; }

    public TimeSpan Interval(bool isRunning) => isRunning ? running : idle;

    /// <param name="refresh">Refreshes the page and says whether something is running; it handles its own errors.</param>
    /// <param name="isRunning">Whether something runs now (the first wait).</param>
    public void Start(Func<CancellationToken, Task<bool>> refresh, bool isRunning)
    {
        if (Interlocked.Exchange(ref started, 1) == 1) throw new InvalidOperationException("the poller is started already");
        if (Volatile.Read(ref disposed) == 1) return;
        var token = stop.Token;
        Loop = LoopAsync();

        async Task LoopAsync()
        {
            try
            {
                while (!token.IsCancellationRequested)
                {
                    await Task.Delay(Interval(isRunning), token);
                    isRunning = await refresh(token);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        stop.Cancel();
        stop.Dispose();
    }
}
