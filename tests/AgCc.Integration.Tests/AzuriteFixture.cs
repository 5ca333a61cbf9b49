using AgCc.LocalStack;

namespace AgCc.Integration.Tests;

/// <summary>An in-memory Azurite on free loopback ports, shared by a test class.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("agcc-it-").FullName;
    public AzuriteServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await AzuriteServer.StartAsync(dataFolder: null, Path.Combine(Folder, "logs", "azurite.log"));

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
