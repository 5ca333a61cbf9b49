using AgCc.Grains.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;

namespace AgCc.Grains.Tests.Training;

/// <summary>
/// The gpu placement director over the test cluster's real silo metadata, with chosen sets of
/// compatible silos: gpu silos first, any silo when none is gpu, and a failure that says what to
/// do when a gpu is required and none is alive.
/// </summary>
[Trait("Category", Categories.Grain)]
[Collection(ClusterCollection.Name)]
public sealed class GpuPlacementDirectorTests(ClusterFixture fixture)
{
    private static readonly PlacementTarget Target = new(GrainId.Create("trainer", "run-1"), [], GrainInterfaceType.Create("trainer"), 0);

    [Fact]
    public async Task A_gpu_silo_is_preferred_any_silo_is_the_fallback_and_a_required_gpu_fails_with_a_reason()
    {
        await TrainerPlacementTests.EverySiloKnowsTheRolesAsync(fixture);
        var handles = fixture.Cluster.Silos.Cast<InProcessSiloHandle>().ToList();
        var gpu = handles.Single(h => h.Name == ClusterFixture.GpuSiloName).SiloAddress;
        var cpu = handles.Single(h => h.Name != ClusterFixture.GpuSiloName).SiloAddress;
        var metadata = handles[0].ServiceProvider.GetRequiredService<ISiloMetadataCache>();
        GpuPlacementDirector Director(bool requireGpu) => new(metadata, Options.Create(new TrainingOptions { RequireGpu = requireGpu }));

        for (var i = 0; i < 10; i++) Assert.Equal(gpu, await Director(false).OnAddActivation(GpuPlacement.Singleton, Target, new Context(cpu, gpu)));
        Assert.Equal(cpu, await Director(false).OnAddActivation(GpuPlacement.Singleton, Target, new Context(cpu)));
        Assert.Equal(gpu, await Director(true).OnAddActivation(GpuPlacement.Singleton, Target, new Context(gpu, cpu)));

        var none = await Assert.ThrowsAsync<OrleansException>(() => Director(true).OnAddActivation(GpuPlacement.Singleton, Target, new Context(cpu)));
        Assert.Contains(GpuPlacementDirector.NoGpuSilo, none.Message);
        Assert.Contains("RequireGpu", none.Message);
    }

    [Fact]
    public async Task A_placement_hint_picks_among_the_candidates_and_is_ignored_outside_them()
    {
        await TrainerPlacementTests.EverySiloKnowsTheRolesAsync(fixture);
        var handles = fixture.Cluster.Silos.Cast<InProcessSiloHandle>().ToList();
        var gpu = handles.Single(h => h.Name == ClusterFixture.GpuSiloName).SiloAddress;
        var cpu = handles.Single(h => h.Name != ClusterFixture.GpuSiloName).SiloAddress;
        var director = new GpuPlacementDirector(handles[0].ServiceProvider.GetRequiredService<ISiloMetadataCache>(), Options.Create(new TrainingOptions()));
        PlacementTarget Hinted(SiloAddress silo) => new(Target.GrainIdentity, new Dictionary<string, object> { [IPlacementDirector.PlacementHintKey] = silo }, Target.InterfaceType, 0);

        // Both cpu: the hint decides. A cpu hint while a gpu silo is alive: the gpu silo still wins.
        var (cpuA, cpuB) = (cpu, SiloAddress.New(System.Net.IPAddress.Loopback, 1, 1));
        Assert.Equal(cpuB, await director.OnAddActivation(GpuPlacement.Singleton, Hinted(cpuB), new Context(cpuA, cpuB)));
        Assert.Equal(gpu, await director.OnAddActivation(GpuPlacement.Singleton, Hinted(cpu), new Context(cpu, gpu)));
    }

    private sealed class Context(params SiloAddress[] silos) : IPlacementContext
    {
        public SiloAddress LocalSilo => silos[0];

        public SiloStatus LocalSiloStatus => SiloStatus.Active;

        public SiloAddress[] GetCompatibleSilos(PlacementTarget target) => silos;

        public IReadOnlyDictionary<ushort, SiloAddress[]> GetCompatibleSilosWithVersions(PlacementTarget target) => new Dictionary<ushort, SiloAddress[]> { [0] = silos };
    }
}
