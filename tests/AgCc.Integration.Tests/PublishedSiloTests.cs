using AgCc.Client;
using AgCc.Hosting;
using AgCc.LocalStack;

namespace AgCc.Integration.Tests;

/// <summary>
/// `dotnet publish` output must load libtorch on this machine too (the GLIBCXX fix runs after the
/// publish copy): a published silo resolves its torch device at start, so reaching ready proves it.
/// </summary>
[Trait("Category", Categories.Integration)]
public class PublishedSiloTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_published_silo_loads_libtorch_and_joins_the_cluster()
    {
        var output = Path.Combine(azurite.Folder, "published-silo");
        await PublishAsync(Path.Combine(RepositoryLayout.Root, "silo", "AgCc.Silo", "AgCc.Silo.csproj"), output);

        var binaries = StackBinaries.Load() with { Silo = Path.Combine(output, "AgCc.Silo.dll") };
        var settings = new AgCcSettings(azurite.Server.ConnectionString, "published", AgCcSettings.DefaultServiceId);
        var processes = new StackProcesses(binaries, settings, Path.Combine(azurite.Folder, "logs"));

        await using var silo = await processes.StartSiloAsync(SiloLaunch.WithFreePorts("published", "cpu"));
        await using var client = await AgCcClient.ConnectAsync(settings);
        var live = Assert.Single((await client.GetClusterStatusAsync()).Silos);
        Assert.Equal(("published", "cpu"), (live.Name, live.Device));
    }

    private static async Task PublishAsync(string project, string output)
    {
        var publish = await ProcessRun.RunAsync(StackBinaries.DotnetHost, ["publish", project, "-c", "Release", "-o", output, "-nologo"]);
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{publish.Output}{publish.Errors}");
    }
}
