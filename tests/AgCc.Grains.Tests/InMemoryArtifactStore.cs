using System.Collections.Concurrent;
using AgCc.Artifacts;

namespace AgCc.Grains.Tests;

/// <summary>Artifacts in memory for the in-process cluster (the Azurite-backed store is tested in integration).</summary>
public sealed class InMemoryArtifactStore : IArtifactStore
{
    private readonly ConcurrentDictionary<string, byte[]> artifacts = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => artifacts.Keys.ToArray();

    private readonly ConcurrentDictionary<string, int> failures = new(StringComparer.Ordinal);

    /// <summary>The next <paramref name="times"/> writes of <paramref name="name"/> fail as a storage outage would.</summary>
    public void FailWrites(string name, int times = 1) => failures[name] = times;

    public Task WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        if (failures.TryGetValue(name, out var left) && left > 0 && failures.TryUpdate(name, left - 1, left))
            throw new TimeoutException($"{name}: injected storage failure");
        artifacts[name] = content.ToArray();
        return Task.CompletedTask;
    }

    public Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(artifacts.TryGetValue(name, out var content) ? content : null);
}
