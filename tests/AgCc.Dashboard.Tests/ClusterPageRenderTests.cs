using System.Net;
using AgCc.Client;
using AgCc.Dashboard.Components.Cluster;
using AgCc.Grains.Cluster;
using Microsoft.Extensions.DependencyInjection;

namespace AgCc.Dashboard.Tests;

/// <summary>
/// The Cluster page prerendered (as a plain GET gets it) over a stand-in status grain: the silo
/// table, per silo its activations per grain type (class names) and message counts, the link to
/// the Orleans ops dashboard; statistics that fail to load leave the silo table standing.
/// </summary>
[Trait("Category", "Unit")]
public class ClusterPageRenderTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static readonly ClusterStatus Status = new(
    [
        new SiloInfo("cpu-1", "10.0.0.1:11111@1", "Active", "cpu", "cpu", "host-a", Now.AddHours(-1)),
        new SiloInfo("gpu-1", "10.0.0.2:11111@2", "Active", "gpu", "cuda:0", "host-b", Now.AddHours(-2)),
    ], Now);

    private static readonly ClusterStatistics Statistics = new(
    [
        new SiloStatistics("cpu-1", "10.0.0.1:11111@1", 42, 7, 1, 12345, 23456, 12.5f, 512L * 1024 * 1024, 3L * 1024 * 1024 * 1024, false,
        [
            new GrainTypeActivations("AgCc.Grains.Training.TrainingRunGrain", "TrainingRunGrain", 30),
            new GrainTypeActivations("Orleans.Streams.PubSubRendezvousGrain`1[[System.String]]", "PubSubRendezvousGrain", 12),
        ], Now),
        new SiloStatistics("gpu-1", "10.0.0.2:11111@2", 0, 0, 0, 5, 6, null, null, null, true, [], Now),
    ], Now);

    private static async Task<string> RenderAsync(StatusGrain grain) =>
        WebUtility.HtmlDecode(await Prerender.HtmlAsync<Components.Pages.Cluster>("/cluster",
            services => services.AddSingleton(new AgCcClient(new FakeCluster().WithClusterStatus(grain.Status, grain.Statistics).Client))));

    [Fact]
    public async Task Shows_the_silos_their_activations_per_grain_type_and_the_ops_dashboard_link()
    {
        var html = await RenderAsync(new StatusGrain(Status, Statistics));

        Assert.Contains("data-testid=\"silos\"", html);
        Assert.Contains("cpu-1", html);
        Assert.Contains("cuda:0", html);
        Assert.Contains("href=\"/ops/orleans\"", html);
        Assert.Contains("data-testid=\"ops-dashboard\"", html);

        Assert.Contains("data-testid=\"silo-statistics\" data-silo=\"cpu-1\" data-activations=\"42\" data-overloaded=\"false\"", html);
        Assert.Contains("data-testid=\"silo-statistics\" data-silo=\"gpu-1\" data-activations=\"0\" data-overloaded=\"true\"", html);
        Assert.Contains("data-testid=\"grain-type\" data-type=\"TrainingRunGrain\" data-activations=\"30\"", html);
        Assert.Contains("data-testid=\"grain-type\" data-type=\"PubSubRendezvousGrain\" data-activations=\"12\"", html);
        Assert.True(html.IndexOf("data-type=\"TrainingRunGrain\"", StringComparison.Ordinal) < html.IndexOf("data-type=\"PubSubRendezvousGrain\"", StringComparison.Ordinal));
        Assert.Contains("title=\"AgCc.Grains.Training.TrainingRunGrain\">TrainingRunGrain<", html); // the full name on hover
        Assert.Contains("data-testid=\"silo-messages\">12,345 / 23,456<", html);
        Assert.Contains("data-testid=\"silo-cpu\">12.5%<", html);
        Assert.Contains("data-testid=\"silo-memory\">512 MiB / 3.0 GiB<", html);
        Assert.Contains("data-testid=\"silo-memory\">— / —<", html);
        Assert.Contains("data-testid=\"overloaded\"", html);
        Assert.Contains("data-testid=\"no-grain-types\"", html);
        Assert.Contains("refreshes every 2 s", html);
        Assert.DoesNotContain("data-testid=\"statistics-error\"", html);
    }

    [Fact]
    public async Task Statistics_that_fail_leave_the_silo_table_standing()
    {
        var html = await RenderAsync(new StatusGrain(Status, null));

        Assert.Contains("cpu-1", html);
        Assert.Contains("gpu-1", html);
        Assert.Contains("data-testid=\"statistics-error\"", html);
        Assert.Contains("cannot read the silos' statistics: no statistics here", html);
        Assert.DoesNotContain("data-testid=\"silo-statistics\"", html);
        Assert.DoesNotContain("data-testid=\"cluster-error\"", html);
    }

    [Fact]
    public void Sizes_and_percentages_read_as_people_write_them()
    {
        Assert.Equal("—", ClusterDisplay.Bytes(null));
        Assert.Equal("900 B", ClusterDisplay.Bytes(900));
        Assert.Equal("1.5 KiB", ClusterDisplay.Bytes(1536));
        Assert.Equal("200 MiB", ClusterDisplay.Bytes(200L * 1024 * 1024));
        Assert.Equal("—", ClusterDisplay.Percent(null));
        Assert.Equal("7.0%", ClusterDisplay.Percent(7f));
        Assert.Equal(TimeSpan.FromSeconds(2), ClusterDisplay.Refresh);
    }

    /// <summary>The status grain's answers; null statistics throw, as a silo that does not answer would.</summary>
    public sealed record StatusGrain(ClusterStatus Status, ClusterStatistics? Statistics);
}
