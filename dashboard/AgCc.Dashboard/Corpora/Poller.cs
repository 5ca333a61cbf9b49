namespace AgCc.Dashboard.Corpora;

/// <summary>
/// Refreshes a page until it is disposed: every second while the last refresh saw an ingestion
/// running, every few seconds otherwise (so an ingestion started from the CLI shows up).
/// </summary>
public sealed class Poller : IDisposable
{
    private readonly CancellationTokenSource stop = new();

    /// <param name="refresh">Refreshes the page and says whether an ingestion is running; it handles its own errors.</param>
    public void Start(Func<Task<bool>> refresh, bool running)
    {
        var token = stop.Token;
        _ = LoopAsync();

        async Task LoopAsync()
        {
            try
            {
                while (true)
                {
                    await Task.Delay(IngestionDisplay.PollInterval(running), token);
                    running = await refresh();
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        stop.Dispose();
    }
}
