using AgCc.Client;
using AgCc.Core.Corpora;
using AgCc.Hosting;
using AgCc.LocalStack;

namespace AgCc.Integration.Tests;

/// <summary>
/// Silo processes on Azurite: a client finds them through the Azure Table membership, and grain
/// state written through one silo is read back after every silo of the cluster has died.
/// </summary>
[Trait("Category", Categories.Integration)]
public class SiloRestartTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private StackProcesses Processes(string clusterId) => new(
        StackBinaries.Load(),
        new AgCcSettings(azurite.Server.ConnectionString, clusterId, AgCcSettings.DefaultServiceId),
        Path.Combine(azurite.Folder, "logs"),
        SiloLaunch.FastFailureDetection);

    [Fact]
    public async Task Grain_state_survives_the_restart_of_every_silo()
    {
        var processes = Processes("restart");
        var corpusPath = Path.Combine(azurite.Folder, "corpora", "crema-d");

        await using (var first = await processes.StartSiloAsync(SiloLaunch.WithFreePorts("first", "cpu")))
        {
            await using var client = await AgCcClient.ConnectAsync(processes.Settings);
            await client.AddCorpusAsync("crema-d", CorpusLayout.CremaD, corpusPath);
            // A crash, not a shutdown: nothing gets a chance to flush.
            await first.KillAsync();
        }

        await using var second = await processes.StartSiloAsync(SiloLaunch.WithFreePorts("second", "cpu"));
        await using var reconnected = await AgCcClient.ConnectAsync(processes.Settings);
        var corpus = Assert.Single(await reconnected.ListCorporaAsync());
        Assert.Equal(("crema-d", CorpusLayout.CremaD, corpusPath), (corpus.Name, corpus.Layout, corpus.Path));

        var live = Assert.Single((await reconnected.GetClusterStatusAsync()).Silos);
        Assert.Equal("second", live.Name);
    }

    [Fact]
    public async Task Silos_publish_their_role_and_device_to_the_cluster()
    {
        var processes = Processes("roles");
        await using var cpu = await processes.StartSiloAsync(SiloLaunch.WithFreePorts("cpu-a", "cpu"));
        await using var gpu = await processes.StartSiloAsync(SiloLaunch.WithFreePorts("gpu-a", "gpu"));
        await using var client = await AgCcClient.ConnectAsync(processes.Settings);

        var silos = (await client.GetClusterStatusAsync()).Silos;

        Assert.Equal(["cpu-a", "gpu-a"], silos.Select(s => s.Name));
        Assert.Equal(["cpu", "gpu"], silos.Select(s => s.Role));
        // No GPU on this machine: a gpu-labelled silo still trains on the CPU.
        Assert.All(silos, s => Assert.Equal("cpu", s.Device));
    }

    [Fact]
    public async Task A_client_of_another_cluster_id_does_not_reach_these_silos()
    {
        var processes = Processes("isolated");
        await using var silo = await processes.StartSiloAsync(SiloLaunch.WithFreePorts("isolated", "cpu"));

        var stranger = new AgCcSettings(azurite.Server.ConnectionString, "no-such-cluster", AgCcSettings.DefaultServiceId);
        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => AgCcClient.ConnectAsync(stranger, timeout: TimeSpan.FromSeconds(5)));
        Assert.Contains("'no-such-cluster'", error.Message);
    }
}
