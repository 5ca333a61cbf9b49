using AgCc.Grains.Cluster;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace AgCc.Grains.Training;

/// <summary>
/// Places a grain on a silo whose metadata role (<see cref="SiloMetadataKeys.Role"/>) is gpu, or,
/// when none is alive, on any compatible silo (unless <see cref="TrainingOptions.RequireGpu"/>):
/// the one a placement hint names (<see cref="ITrainerLedgerGrain"/>'s choice), else at random.
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
        var candidates = TrainingSilos.Candidates(compatible, metadata, options.Value.RequireGpu, target.GrainIdentity.Key.ToString() ?? "");
        // The trainer ledger's choice (the least busy silo), set by the run's supervisor.
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, compatible) is { } hint && candidates.Contains(hint)) return Task.FromResult(hint);
        // Without one (a caller other than the supervisor): random among the candidates.
        return Task.FromResult(candidates[Random.Shared.Next(candidates.Length)]);
    }
}
