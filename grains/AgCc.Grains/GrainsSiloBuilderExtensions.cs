using AgCc.Grains.Gestures;
using Orleans.Hosting;

namespace AgCc.Grains;

public static class GrainsSiloBuilderExtensions
{
    /// <summary>What the grains of this assembly need from a silo beyond storage and clustering.</summary>
    public static ISiloBuilder AddAgCcGrains(this ISiloBuilder silo) =>
        silo.AddPlacementDirector<SpreadPlacement, SpreadPlacementDirector>();
}
