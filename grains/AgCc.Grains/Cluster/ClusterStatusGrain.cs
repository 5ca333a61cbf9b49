using Orleans.Concurrency;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace AgCc.Grains.Cluster;

/// <summary>
/// Runs inside a silo because silo metadata (role, device) is only visible there; stateless, so
/// every silo can answer.
/// </summary>
[StatelessWorker]
public sealed class ClusterStatusGrain(ISiloMetadataCache metadata, TimeProvider clock) : Grain, IClusterStatusGrain
{
    public async Task<ClusterStatus> GetStatus()
    {
        var management = GrainFactory.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: true);
        var silos = hosts
            .Select(host =>
            {
                var meta = metadata.GetSiloMetadata(host.SiloAddress).Metadata;
                return new SiloInfo(
                    Name: host.SiloName,
                    Address: host.SiloAddress.ToParsableString(),
                    Status: host.Status.ToString(),
                    Role: meta.GetValueOrDefault(SiloMetadataKeys.Role, "unknown"),
                    Device: meta.GetValueOrDefault(SiloMetadataKeys.Device, "unknown"),
                    HostName: host.HostName,
                    StartedAt: new DateTimeOffset(DateTime.SpecifyKind(host.StartTime, DateTimeKind.Utc)));
            })
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToArray();
        return new ClusterStatus(silos, clock.GetUtcNow());
    }

    public async Task<ClusterStatistics> GetStatistics()
    {
        var management = GrainFactory.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: true);
        var addresses = hosts.Select(h => h.SiloAddress).ToArray();
        if (addresses.Length == 0) return new ClusterStatistics([], clock.GetUtcNow());

        // Both calls fan out to the silos given, answering in their order.
        var runtimeTask = management.GetRuntimeStatistics(addresses);
        var grainsTask = management.GetSimpleGrainStatistics(addresses);
        var runtime = await runtimeTask;
        var grains = await grainsTask;

        var silos = new List<SiloStatistics>(addresses.Length);
        for (var i = 0; i < hosts.Length; i++)
        {
            var host = hosts[i];
            var stats = i < runtime.Length ? runtime[i] : null;
            var types = grains
                .Where(g => host.SiloAddress.Equals(g.SiloAddress))
                .GroupBy(g => g.GrainType, StringComparer.Ordinal)
                .Select(g => new GrainTypeActivations(g.Key, GrainTypeNames.Short(g.Key), g.Sum(x => x.ActivationCount)))
                .Where(g => g.Activations > 0)
                .OrderByDescending(g => g.Activations)
                .ThenBy(g => g.Name, StringComparer.Ordinal)
                .ThenBy(g => g.GrainType, StringComparer.Ordinal)
                .ToArray();
            silos.Add(new SiloStatistics(
                Name: host.SiloName,
                Address: host.SiloAddress.ToParsableString(),
                Activations: stats?.ActivationCount ?? types.Sum(t => t.Activations),
                RecentlyUsedActivations: stats?.RecentlyUsedActivationCount ?? 0,
                Clients: stats?.ClientCount ?? 0,
                ReceivedMessages: stats?.ReceivedMessages ?? 0,
                SentMessages: stats?.SentMessages ?? 0,
                CpuUsage: stats?.EnvironmentStatistics.FilteredCpuUsagePercentage,
                MemoryUsage: Known(stats?.EnvironmentStatistics.FilteredMemoryUsageBytes),
                AvailableMemory: Known(stats?.EnvironmentStatistics.FilteredAvailableMemoryBytes),
                IsOverloaded: stats?.IsOverloaded ?? false,
                GrainTypes: types,
                CollectedAt: stats is null ? clock.GetUtcNow() : new DateTimeOffset(DateTime.SpecifyKind(stats.DateTime, DateTimeKind.Utc))));
        }
        return new ClusterStatistics([.. silos.OrderBy(s => s.Name, StringComparer.Ordinal)], clock.GetUtcNow());
    }

    /// <summary>A byte count, or null where the silo reports none (0: its environment statistics are not collected).</summary>
    private static long? Known(long? bytes) => bytes is > 0 ? bytes : null;
}
