using AgCc.Grains.Training;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace AgCc.Grains.Watching;

/// <summary>
/// The observers subscribed to one grain activation (the dashboard's pages), renewed within
/// <see cref="RunWatching.Lapse"/>, and the sequence numbers pushes carry so a page can drop one
/// that arrives after a newer one. The numbers grow within an activation and across activations
/// (seeded by the clock's ticks).
/// </summary>
internal sealed class GrainWatchers<TWatcher>(TimeProvider clock, ILogger logger) where TWatcher : IGrainObserver
{
    private ObserverManager<TWatcher>? observers;
    private long sequence;

    public void Subscribe(TWatcher watcher) => (observers ??= new ObserverManager<TWatcher>(RunWatching.Lapse, logger)).Subscribe(watcher, watcher);

    public void Unsubscribe(TWatcher watcher) => observers?.Unsubscribe(watcher);

    /// <summary>Pushes to every watcher (one-way calls); <paramref name="push"/> gets the next sequence number. Nothing is computed without a watcher.</summary>
    public void Notify(Action<TWatcher, long> push)
    {
        if (observers is not { Count: > 0 }) return;
        sequence = Math.Max(sequence + 1, clock.GetUtcNow().UtcTicks);
        var current = sequence;
        observers.Notify(w => push(w, current));
    }
}
