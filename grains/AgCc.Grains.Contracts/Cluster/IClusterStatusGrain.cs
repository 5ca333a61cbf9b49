namespace AgCc.Grains.Cluster;

/// <summary>Reads the live silos and their metadata (role, device) from inside the cluster.</summary>
public interface IClusterStatusGrain : IGrainWithIntegerKey
{
    Task<ClusterStatus> GetStatus();

    /// <summary>Per live silo: runtime statistics and activations per grain type (the Cluster page's).</summary>
    Task<ClusterStatistics> GetStatistics();
}

/// <summary>One silo as the dashboard and `agcc cluster status` show it.</summary>
[GenerateSerializer, Immutable]
public sealed record SiloInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string Address,
    [property: Id(2)] string Status,
    [property: Id(3)] string Role,
    [property: Id(4)] string Device,
    [property: Id(5)] string HostName,
    [property: Id(6)] DateTimeOffset StartedAt);

[GenerateSerializer, Immutable]
public sealed record ClusterStatus(
    [property: Id(0)] IReadOnlyList<SiloInfo> Silos,
    [property: Id(1)] DateTimeOffset ObservedAt);
