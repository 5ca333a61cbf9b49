using AgCc.Grains.Gestures;
using AgCc.Grains.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;

namespace AgCc.Grains;

public static class GrainsSiloBuilderExtensions
{
    /// <summary>What the grains of this assembly need from a silo beyond storage and clustering.</summary>
    public static ISiloBuilder AddAgCcGrains(this ISiloBuilder silo)
    {
        // The silo host registers its resolved device; without one the grains compute on the CPU.
        silo.Services.TryAddSingleton(new SiloDevice(TorchSharp.torch.CPU));
        // Trainings per silo and gpu placement: AgCc:Training, bound by the host (defaults without it).
        silo.Services.AddOptions<TrainingOptions>();
        silo.Services.TryAddSingleton<TrainingSlots>();
        silo.Services.TryAddSingleton<CorpusFeaturesCache>();
        return silo
            .AddPlacementDirector<SpreadPlacement, SpreadPlacementDirector>()
            .AddPlacementDirector<GpuPlacement, GpuPlacementDirector>();
    }
}
