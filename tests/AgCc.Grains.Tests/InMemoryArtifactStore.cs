using System.Collections.Concurrent;
using AgCc.Artifacts;

namespace AgCc.Grains.Tests;

/// <summary>Artifacts in memory for the in-process cluster (the Azurite-backed store is tested in integration).</summary>
public sealed class InMemoryArtifactStore : IArtifactStore
{
    private readonly ConcurrentDictionary<string, byte[]> artifacts = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => artifacts.Keys.ToArray();

    public Task WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        artifacts[name] = content.ToArray();
        return Task.CompletedTask;
    }

    public Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(artifacts.TryGetValue(name, out var content) ? content : null);
}
