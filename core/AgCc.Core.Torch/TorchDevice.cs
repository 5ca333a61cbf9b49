using TorchSharp;

namespace AgCc.Core.Torch;

/// <summary>Chooses the torch device a silo trains on from its configured preference.</summary>
public static class TorchDevice
{
    /// <summary>`auto` (CUDA when present, else CPU), `cpu`, `cuda` or `cuda:N`.</summary>
    public static torch.Device Resolve(string? preference)
    {
        var wanted = string.IsNullOrWhiteSpace(preference) ? "auto" : preference.Trim().ToLowerInvariant();
        if (wanted == "auto") return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        if (wanted.StartsWith("cuda", StringComparison.Ordinal) && !torch.cuda.is_available())
            throw new InvalidOperationException($"device '{preference}' was asked for, but CUDA is not available in this process");
        return new torch.Device(wanted);
    }

    /// <summary>The device's name as shown to users, e.g. `cpu` or `cuda:0`.</summary>
    public static string Describe(torch.Device device) =>
        device.type == DeviceType.CUDA ? $"cuda:{Math.Max(device.index, 0)}" : device.type.ToString().ToLowerInvariant();
}
