namespace AgCc.Grains.Cluster;

/// <summary>How many activations of one grain type a silo holds.</summary>
/// <param name="GrainType">The type as Orleans reports it (full name, perhaps assembly-qualified or generic).</param>
/// <param name="Name">The class name alone (<see cref="GrainTypeNames.Short"/>).</param>
[GenerateSerializer, Immutable]
public sealed record GrainTypeActivations(
    [property: Id(0)] string GrainType,
    [property: Id(1)] string Name,
    [property: Id(2)] int Activations);

/// <summary>
/// One silo's runtime statistics (IManagementGrain.GetRuntimeStatistics) and its activations per
/// grain type (GetSimpleGrainStatistics), most activations first. Orleans 10 reports no message
/// queue lengths; messages received and sent, and whether the silo sheds load (overloaded), are
/// what it has instead.
/// </summary>
/// <param name="CpuUsage">Percent, null where the silo cannot tell.</param>
/// <param name="MemoryUsage">Bytes the process uses, null where unknown.</param>
/// <param name="AvailableMemory">Bytes available to the process, null where unknown.</param>
/// <param name="CollectedAt">When the silo took its statistics.</param>
[GenerateSerializer, Immutable]
public sealed record SiloStatistics(
    [property: Id(0)] string Name,
    [property: Id(1)] string Address,
    [property: Id(2)] int Activations,
    [property: Id(3)] int RecentlyUsedActivations,
    [property: Id(4)] long Clients,
    [property: Id(5)] long ReceivedMessages,
    [property: Id(6)] long SentMessages,
    [property: Id(7)] float? CpuUsage,
    [property: Id(8)] long? MemoryUsage,
    [property: Id(9)] long? AvailableMemory,
    [property: Id(10)] bool IsOverloaded,
    [property: Id(11)] GrainTypeActivations[] GrainTypes,
    [property: Id(12)] DateTimeOffset CollectedAt);

/// <summary>Every live silo's statistics, ordered by silo name.</summary>
[GenerateSerializer, Immutable]
public sealed record ClusterStatistics(
    [property: Id(0)] SiloStatistics[] Silos,
    [property: Id(1)] DateTimeOffset ObservedAt);

/// <summary>Grain type names as the Cluster page shows them.</summary>
public static class GrainTypeNames
{
    /// <summary>
    /// The class name alone: `AgCc.Grains.Training.TrainingRunGrain` → `TrainingRunGrain`; an
    /// assembly-qualified name loses its assembly, a generic one its arity and arguments
    /// (`Orleans.Streams.PubSubRendezvousGrain`1[[…]]` → `PubSubRendezvousGrain`), a nested one keeps
    /// its outer class's name only as a prefix it drops (`Outer+Inner` → `Inner`).
    /// </summary>
    public static string Short(string? grainType)
    {
        if (string.IsNullOrWhiteSpace(grainType)) return "";
        var name = grainType.Trim();
        var cut = name.IndexOfAny(['`', '[', ',', '<']);
        if (cut > 0) name = name[..cut];
        var last = name.LastIndexOfAny(['.', '+']);
        if (last >= 0 && last < name.Length - 1) name = name[(last + 1)..];
        return name.Length == 0 ? grainType.Trim() : name;
    }
}
