using AgCc.Client;
using AgCc.Artifacts;
using AgCc.Grains.Cluster;
using AgCc.Grains.Corpora;
using AgCc.Grains.Gestures;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.TestingHost;

namespace AgCc.Grains.Tests;

/// <summary>
/// Two in-process silos with in-memory grain storage under the production provider name; the
/// second silo carries the gpu role so metadata-dependent grains see both kinds.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string GpuSiloName = "grain-test-gpu";

    public InProcessTestCluster Cluster { get; private set; } = null!;
    public AgCcClient Client { get; private set; } = null!;

    /// <summary>One store for both silos, as one storage account would be.</summary>
    public InMemoryArtifactStore Artifacts { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        var silosConfigured = 0;
        builder.ConfigureSilo((options, silo) =>
        {
            // The second silo of the cluster is the gpu one.
            var isGpu = Interlocked.Increment(ref silosConfigured) == 2;
            if (isGpu) options.SiloName = GpuSiloName;
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton<IArtifactStore>(Artifacts);
            silo.Services.Configure<IngestionOptions>(o => o.BatchSize = 4);
            silo.Services.Configure<GestureClusteringOptions>(o => o.RetryDelay = TimeSpan.FromMilliseconds(50));
            silo.AddAgCcGrains();
            silo.UseSiloMetadata(new Dictionary<string, string>
            {
                [SiloMetadataKeys.Role] = isGpu ? "gpu" : "cpu",
                [SiloMetadataKeys.Device] = "cpu",
            });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Client = new AgCcClient(Cluster.Client);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "in-process cluster";
}

internal static class Categories
{
    public const string Grain = "Grain";
}
