using System.Runtime;

namespace AgCc.Core.Torch;

/// <summary>
/// Keeps the garbage collector, and so the finalizers, out of a stretch of torch calls.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 turns numbers into native Scalars implicitly (`x + y` passes alpha = 1, Adam
/// passes 1 − β, …) and frees them only in their finalizers. The temporary is unreachable once its
/// handle is read, so a collection that lands while the native call runs can free the Scalar under
/// it: seen here as "Expected false to be true … toFloat" in an add after ~130 training steps, and
/// as silent garbage it could just as well be. A no-GC region over each training step and
/// evaluation batch means no collection, hence no finalizer, while those calls run; the Scalars
/// are freed after the window, when nothing uses them. Best effort: the window is process-wide
/// (nested uses share it), and a step that allocates more than the budget ends it early.
/// docs/torchsharp.md has the measurements.
/// </remarks>
public static class FinalizerQuietWindow
{
    /// <summary>Managed bytes a window may allocate (the batch arrays and tensor wrappers of one step).</summary>
    private const long Budget = 192L << 20;

    private static readonly Lock Gate = new();
    private static int open;
    private static bool started;

    public static Window Enter()
    {
        lock (Gate)
        {
            if (open++ == 0)
            {
                try
                {
                    started = GC.TryStartNoGCRegion(Budget);
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentOutOfRangeException)
                {
                    started = false; // already in one (someone else's), or the budget does not fit this GC's configuration
                }
            }
        }
        return new Window();
    }

    private static void Exit()
    {
        lock (Gate)
        {
            if (--open > 0 || !started) return;
            started = false;
            if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return; // the budget ran out: a collection already ended it
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
                // Ended by an induced collection meanwhile.
            }
        }
    }

    public readonly struct Window : IDisposable
    {
        public void Dispose() => Exit();
    }
}
