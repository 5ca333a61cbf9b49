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
}
