namespace AgCc.Artifacts;

/// <summary>
/// Large data (utterance batches, features, centres, checkpoints) by name, outside grain state.
/// Names are slash-separated paths (`corpora/crema-d/batches/00012.bin`); writes replace, so
/// writing the same artifact twice is harmless. Azure Blob Storage in silos (Azurite locally).
/// </summary>
public interface IArtifactStore
{
    Task WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>The artifact's bytes, or null when there is none of that name.</summary>
    Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken = default);
}
