namespace AgCc.Grains.Tests;

/// <summary>
/// What an observer heard (value and sequence, in arrival order), for the watcher tests: a test
/// waits push by push, without sleeping, until what arrived is enough, or fails after a timeout.
/// </summary>
internal sealed class PushRecorder<T>
{
    private readonly List<(T Value, long Sequence)> heard = [];
    private readonly SemaphoreSlim pushed = new(0);

    public List<(T Value, long Sequence)> Heard
    {
        get
        {
            lock (heard) return [.. heard];
        }
    }

    /// <summary>The values in the order their sequences give (one-way messages may arrive out of order).</summary>
    public List<T> InOrder => [.. Heard.OrderBy(h => h.Sequence).Select(h => h.Value)];

    public void Add(T value, long sequence)
    {
        lock (heard) heard.Add((value, sequence));
        pushed.Release();
    }

    /// <summary>Waits push by push until what has arrived satisfies <paramref name="enough"/>.</summary>
    public async Task Arrived(Func<List<(T Value, long Sequence)>, bool> enough, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!enough(Heard)) await pushed.WaitAsync(deadline.Token);
    }
}
