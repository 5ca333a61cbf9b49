using AgCc.Client;
using AgCc.Dashboard.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans;

namespace AgCc.Dashboard.Tests;

/// <summary>What a page needs of the cluster, over a <see cref="FakeCluster"/>: the client and the live feeds the pages inject.</summary>
internal static class FakeClusterServices
{
    public static IServiceCollection AddFakeCluster(this IServiceCollection services, FakeCluster cluster)
    {
        services.AddSingleton(cluster.Client);
        services.AddSingleton(new AgCcClient(cluster.Client));
        services.AddSingleton(new RunUpdates(cluster.Client, NullLogger<RunUpdates>.Instance));
        services.AddSingleton(new ExperimentUpdates(cluster.Client, NullLogger<ExperimentUpdates>.Instance));
        services.AddSingleton(new RunIndexUpdates(cluster.Client, NullLogger<RunIndexUpdates>.Instance));
        return services;
    }
}
