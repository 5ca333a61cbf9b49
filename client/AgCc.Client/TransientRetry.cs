using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace AgCc.Client;

/// <summary>
/// Retries a grain call that failed because its silo went away: until the cluster declares the
/// silo dead, calls to its activations fail or time out; afterwards they reach a new activation.
/// Gives up after <see cref="Window"/> without a success, so a cluster that is really gone still surfaces.
/// </summary>
internal sealed class TransientRetry
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);
    private DateTimeOffset? failingSince;

    /// <summary>The call's result, retried while its failures are transient.</summary>
    public async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await TryAsync(call, cancellationToken) is { } result) return result.Value;
        }
    }

    /// <summary>The call's result, or null after a transient failure (wait done): the caller starts again, e.g. re-subscribes.</summary>
    public async Task<Box<T>?> TryAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            var value = await call();
            failingSince = null;
            return new Box<T>(value);
        }
        catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
        {
            failingSince ??= DateTimeOffset.UtcNow;
            if (DateTimeOffset.UtcNow - failingSince > Window) throw;
            await Task.Delay(Delay, cancellationToken);
            return null;
        }
    }

    public static async Task DisposeQuietlyAsync(IAsyncDisposable disposable)
    {
        try
        {
            await disposable.DisposeAsync();
        }
        catch (Exception e) when (IsTransient(e) || e is OperationCanceledException)
        {
            // The enumeration's activation is gone with its silo: nothing left to release.
        }
    }

    private static bool IsTransient(Exception e) =>
        e is SiloUnavailableException or OrleansMessageRejectionException or EnumerationAbortedException or TimeoutException or ConnectionFailedException;

    /// <summary>A value that may itself be a struct default (false, 0): null means "failed, try again".</summary>
    public sealed record Box<T>(T Value);
}
