using AgCc.Dashboard.Gestures;

namespace AgCc.Dashboard.Tests;

[Trait("Category", "Unit")]
public class GesturesPollerTests
{
    [Fact]
    public void The_pages_poll_fast_only_while_a_clustering_runs()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), GestureDisplay.ListPollRunning);
        Assert.Equal(TimeSpan.FromSeconds(1), GestureDisplay.PagePollRunning);
        using var poller = new GesturePoller(GestureDisplay.PagePollRunning, GestureDisplay.PollIdle);
        Assert.Equal(TimeSpan.FromSeconds(1), poller.Interval(true));
        Assert.Equal(GestureDisplay.PollIdle, poller.Interval(false));
        Assert.True(GestureDisplay.PollIdle > GestureDisplay.ListPollRunning);
    }

    [Fact]
    public async Task It_refreshes_until_disposed_and_then_never_again()
    {
        var calls = 0;
        var poller = new GesturePoller(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10));
        var third = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        poller.Start(_ =>
        {
            if (Interlocked.Increment(ref calls) == 3) third.TrySetResult();
            return Task.FromResult(true);
        }, isRunning: true);
        await third.Task.WaitAsync(TimeSpan.FromSeconds(10));
        poller.Dispose();
        await poller.Loop!.WaitAsync(TimeSpan.FromSeconds(10));
        var after = Volatile.Read(ref calls);
        await Task.Delay(100);
        Assert.Equal(after, Volatile.Read(ref calls));
        Assert.True(poller.Loop.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task It_waits_the_idle_interval_once_nothing_runs()
    {
        var calls = 0;
        using var poller = new GesturePoller(TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        poller.Start(_ =>
        {
            Interlocked.Increment(ref calls);
            first.TrySetResult();
            return Task.FromResult(false);
        }, isRunning: true);
        await first.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        Assert.Equal(1, Volatile.Read(ref calls));
    }

    [Fact]
    public void A_disposed_poller_does_not_start_and_disposing_twice_is_harmless()
    {
        var poller = new GesturePoller(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1));
        poller.Dispose();
        poller.Start(_ => throw new InvalidOperationException("must not run"), isRunning: true);
        Assert.Null(poller.Loop);
        poller.Dispose();
    }

    [Fact]
    public void It_starts_once()
    {
        using var poller = new GesturePoller(TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        poller.Start(_ => Task.FromResult(false), isRunning: false);
        Assert.Throws<InvalidOperationException>(() => poller.Start(_ => Task.FromResult(false), isRunning: false));
    }
}
