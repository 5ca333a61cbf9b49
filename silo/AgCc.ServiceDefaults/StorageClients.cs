using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace AgCc.Hosting;

/// <summary>
/// The Azure Storage clients of one connection string (Azurite's explicit-endpoint form or a
/// real account). Azurite 3.37 rejects the API version Azure.Storage.Blobs 12.30 sends by
/// default, so the local stack starts it with --skipApiVersionCheck (docs/azurite.md).
/// </summary>
public static class StorageClients
{
    public static TableServiceClient Tables(string connectionString) => new(connectionString);

    public static BlobServiceClient Blobs(string connectionString) => new(connectionString);
}
