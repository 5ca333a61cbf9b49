using AgCc.Grains.Cluster;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace AgCc.Grains.Training;

/// <summary>
/// Places a grain on a silo whose metadata role (<see cref="SiloMetadataKeys.Role"/>) is gpu, or,
/// when none is alive, on any compatible silo (unless <see cref="TrainingOptions.RequireGpu"/>).
/// Orleans' built-in metadata filters match the calling silo's metadata, and clients have none,
/// so they cannot say "on a gpu silo" (docs/PITFALLS.md).
/// </summary>
[GenerateSerializer, Immutable]
public sealed class GpuPlacement : PlacementStrategy
{
    public static readonly GpuPlacement Singleton = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class GpuPlacementAttribute() : PlacementAttribute(GpuPlacement.Singleton);

public sealed class GpuPlacementDirector(ISiloMetadataCache metadata, IOptions<TrainingOptions> options) : IPlacementDirector
{
    public const string GpuRole = "gpu";

    /// <summary>The start of the failure when a gpu is required and no gpu silo is alive (the run's supervisor recognises it).</summary>
    public const string NoGpuSilo = "no gpu silo is alive";

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        if (compatible.Length == 0) throw new OrleansException($"no silo can host {target.GrainIdentity}");
        var gpus = compatible.Where(IsGpu).OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        if (gpus.Length == 0 && options.Value.RequireGpu)
            throw new OrleansException($"{NoGpuSilo} to train {target.GrainIdentity.Key} ({TrainingOptions.Section}:RequireGpu is true): start a silo with role gpu, or set RequireGpu to false to train on cpu silos");
        var candidates = gpus.Length > 0 ? gpus : compatible;
        // Random among the candidates: trainings spread over the gpu silos.
        return Task.FromResult(candidates[Random.Shared.Next(candidates.Length)]);
    }

    private bool IsGpu(SiloAddress silo) =>
        metadata.GetSiloMetadata(silo).Metadata.TryGetValue(SiloMetadataKeys.Role, out var role) && string.Equals(role, GpuRole, StringComparison.OrdinalIgnoreCase);
}
