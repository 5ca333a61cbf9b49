using System.Diagnostics;
using AgCc.Dashboard.Live;

namespace AgCc.Dashboard.Tests;

/// <summary>A page hears at most one update per interval, and always the latest one in the end.</summary>
public sealed class LiveThrottleTests
{
    [Fact]
    public async Task A_burst_becomes_at_most_two_deliveries_ending_with_the_latest_value()
    {
        var interval = TimeSpan.FromMilliseconds(200);
        var delivered = new List<(int Value, long At)>();
        var last = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var throttle = new LatestOnlyThrottle<int>(interval, value =>
        {
            lock (delivered) delivered.Add((value, Stopwatch.GetTimestamp()));
            if (value == 99) last.TrySetResult();
            return Task.CompletedTask;
        });

        for (var i = 0; i < 100; i++) throttle.Post(i);
        await last.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.InRange(delivered.Count, 1, 2);
        Assert.Equal(99, delivered[^1].Value);
        if (delivered.Count == 2) Assert.True(Stopwatch.GetElapsedTime(delivered[0].At, delivered[1].At) >= interval * 0.95);
    }

    [Fact]
    public async Task Values_further_apart_than_the_interval_are_each_delivered()
    {
        var interval = TimeSpan.FromMilliseconds(20);
        var delivered = new List<int>();
        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var throttle = new LatestOnlyThrottle<int>(interval, value =>
        {
            lock (delivered) delivered.Add(value);
            next.TrySetResult();
            return Task.CompletedTask;
        });

        for (var i = 0; i < 3; i++)
        {
            next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            throttle.Post(i);
            await next.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal([0, 1, 2], delivered);
    }
}
