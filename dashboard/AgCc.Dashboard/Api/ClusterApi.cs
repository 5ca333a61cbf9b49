using AgCc.Client;
using AgCc.Grains.Cluster;

namespace AgCc.Dashboard.Api;

/// <summary>/api/v1/cluster: the live silos (role, device) and their runtime statistics.</summary>
public static class ClusterApi
{
    public static RouteGroupBuilder MapClusterApi(this RouteGroupBuilder api)
    {
        var cluster = api.MapGroup("/cluster").WithTags("cluster");
        cluster.MapGet("", async (AgCcClient client) => Results.Ok(await client.GetClusterStatusAsync()))
            .WithName("getClusterStatus").WithSummary("The live silos with their role and device").Produces<ClusterStatus>();
        cluster.MapGet("/statistics", async (AgCcClient client) => Results.Ok(await client.GetClusterStatisticsAsync()))
            .WithName("getClusterStatistics").WithSummary("Per silo: activations (per grain type), messages, CPU and memory").Produces<ClusterStatistics>();
        return cluster;
    }
}
