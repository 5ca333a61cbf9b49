namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>A state dict that does not fit the configuration; the message names every missing, unexpected and misshapen parameter.</summary>
public sealed class Wav2Vec2WeightsException(string message, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> misshapen)
    : Exception(message)
{
    public IReadOnlyList<string> Missing { get; } = missing;

    public IReadOnlyList<string> Unexpected { get; } = unexpected;

    /// <summary>"name: expected [..], got [..]" for each parameter of the wrong shape.</summary>
    public IReadOnlyList<string> Misshapen { get; } = misshapen;
}
