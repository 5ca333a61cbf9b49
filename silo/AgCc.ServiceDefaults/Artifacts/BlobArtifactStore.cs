using Azure;
using Azure.Storage.Blobs;

namespace AgCc.Artifacts;

/// <summary>Artifacts as block blobs in one container (created on first use).</summary>
public sealed class BlobArtifactStore(BlobServiceClient service, string containerName = BlobArtifactStore.DefaultContainer) : IArtifactStore
{
    public const string DefaultContainer = "agcc-artifacts";

    private readonly Lazy<Task<BlobContainerClient>> container = new(async () =>
    {
        var client = service.GetBlobContainerClient(containerName);
        await client.CreateIfNotExistsAsync();
        return client;
    });

    public async Task WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var blob = (await container.Value).GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromBytes(content), overwrite: true, cancellationToken);
    }

    public async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken = default)
    {
        var blob = (await container.Value).GetBlobClient(name);
        try
        {
            var download = await blob.DownloadContentAsync(cancellationToken);
            return download.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
