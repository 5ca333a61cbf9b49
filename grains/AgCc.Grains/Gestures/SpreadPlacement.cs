using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace AgCc.Grains.Gestures;

/// <summary>
/// Places the grain whose key's last path segment starts with a number n ("…/003.bin") on the n-th compatible silo (silos in address order,
/// wrapping around), so the partitions of one clustering spread evenly over the silos instead of
/// clumping as random placement can. A partition re-activated after its silo died lands on the
/// silo its number picks among those alive.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class SpreadPlacement : PlacementStrategy
{
    internal static readonly SpreadPlacement Singleton = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SpreadPlacementAttribute() : PlacementAttribute(SpreadPlacement.Singleton);

public sealed class SpreadPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        if (silos.Length == 0) throw new OrleansException($"no silo can host {target.GrainIdentity}");
        var key = target.GrainIdentity.Key.ToString() ?? "";
        var segment = key.AsSpan(key.LastIndexOf('/') + 1);
        var digits = 0;
        while (digits < segment.Length && char.IsAsciiDigit(segment[digits])) digits++;
        var index = int.TryParse(segment[..digits], out var n) ? n : (int)(target.GrainIdentity.GetUniformHashCode() & int.MaxValue);
        return Task.FromResult(silos[index % silos.Length]);
    }
}
