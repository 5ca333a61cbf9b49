using AgCc.Core.Torch;
using TorchSharp;

namespace AgCc.Grains;

/// <summary>The torch device this silo computes on (its configured AgCc:Silo:Device, resolved at start); CPU unless the silo registers another.</summary>
public sealed record SiloDevice(torch.Device Device)
{
    public string Name => TorchDevice.Describe(Device);
}
