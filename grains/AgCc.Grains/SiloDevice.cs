using AgCc.Core.Torch;
using TorchSharp;

namespace AgCc.Grains;

/// <summary>
/// The torch device this silo computes on (its configured AgCc:Silo:Device, resolved at start);
/// CPU unless the silo registers another. Work on it runs one item at a time: two feature sets
/// side by side on one silo would otherwise oversubscribe its cores (torch's intra-op threads)
/// or its GPU memory, and take longer together than in turn.
/// </summary>
public sealed class SiloDevice(torch.Device device)
{
    private readonly SemaphoreSlim turn = new(1, 1);

    public torch.Device Device { get; } = device;

    public string Name => TorchDevice.Describe(Device);

    /// <summary>Runs <paramref name="work"/> on the thread pool when the device is free.</summary>
    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken = default)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(work, cancellationToken);
        }
        finally
        {
            turn.Release();
        }
    }
}
