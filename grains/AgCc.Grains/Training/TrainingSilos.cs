using AgCc.Grains.Cluster;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace AgCc.Grains.Training;

/// <summary>
/// Which silos may train: the gpu silos when any is alive, else every silo (unless
/// <see cref="TrainingOptions.RequireGpu"/>). One rule for the placement director and the
/// trainer ledger, so a hint never names a silo the director would refuse.
/// </summary>
internal static class TrainingSilos
{
    public static SiloAddress[] Candidates(IEnumerable<SiloAddress> silos, ISiloMetadataCache metadata, bool requireGpu, string what)
    {
        var all = silos.OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        if (all.Length == 0) throw new OrleansException($"no silo can host {what}");
        var gpus = all.Where(s => IsGpu(s, metadata)).ToArray();
        if (gpus.Length == 0 && requireGpu)
            throw new OrleansException($"{GpuPlacementDirector.NoGpuSilo} to train {what} ({TrainingOptions.Section}:RequireGpu is true): start a silo with role gpu, or set RequireGpu to false to train on cpu silos");
        return gpus.Length > 0 ? gpus : all;
    }

    private static bool IsGpu(SiloAddress silo, ISiloMetadataCache metadata) =>
        metadata.GetSiloMetadata(silo).Metadata.TryGetValue(SiloMetadataKeys.Role, out var role) && string.Equals(role, GpuPlacementDirector.GpuRole, StringComparison.OrdinalIgnoreCase);
}
