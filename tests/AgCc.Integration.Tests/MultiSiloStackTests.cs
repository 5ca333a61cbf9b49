using AgCc.LocalStack;

namespace AgCc.Integration.Tests;

/// <summary>
/// `agcc up --silos 3 --gpu-silos 1`: three silo processes in one cluster, the last labelled gpu
/// (it trains on the CPU here but carries the role, for placement), seen by `agcc cluster status`
/// and on the dashboard's Cluster page.
/// </summary>
[Trait("Category", Categories.Integration)]
public sealed class MultiSiloStackTests : IDisposable
{
    private readonly Cli cli = new(Directory.CreateTempSubdirectory("agcc-silos-").FullName);

    [Fact]
    public async Task Up_with_three_silos_one_gpu_shows_all_three_with_their_roles()
    {
        await using var up = await cli.StartAsync("running; press Ctrl-C", "up", "--silos", "3", "--gpu-silos", "1");

        var status = await cli.RunAsync("cluster", "status");
        Assert.True(status.ExitCode == 0, status.Errors);
        Assert.Matches(@"(?m)^cpu-1\s+cpu\s+\S+\s+Active", status.Output);
        Assert.Matches(@"(?m)^cpu-2\s+cpu\s+\S+\s+Active", status.Output);
        Assert.Matches(@"(?m)^gpu-3\s+gpu\s+\S+\s+Active", status.Output);

        var dashboard = new Uri((StackState.TryLoad(cli.Home) ?? throw new InvalidOperationException("no stack recorded")).DashboardUrl);
        using var http = new HttpClient();
        var page = await http.GetStringAsync(new Uri(dashboard, "/cluster"));
        foreach (var silo in new[] { "cpu-1", "cpu-2", "gpu-3" }) Assert.Contains(silo, page);
        await up.InterruptAsync(TimeSpan.FromSeconds(60));
    }

    public void Dispose() => Directory.Delete(cli.Home, recursive: true);
}
