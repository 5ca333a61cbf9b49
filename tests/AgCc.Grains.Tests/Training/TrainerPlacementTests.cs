using AgCc.Grains.Training;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.TestingHost;

namespace AgCc.Grains.Tests.Training;

/// <summary>
/// Trainer placement: called from a client (which has no silo metadata), every Trainer activation
/// lands on the silo whose role is gpu, never on the cpu one.
/// </summary>
[Trait("Category", Categories.Grain)]
[Collection(ClusterCollection.Name)]
public sealed class TrainerPlacementTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Every_trainer_activation_lands_on_the_gpu_silo()
    {
        await EverySiloKnowsTheRolesAsync(fixture);
        var silos = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var status = await fixture.Cluster.Client.GetGrain<ITrainerGrain>(TrainingRunSetup.UniqueName("place")).GetStatus();
            Assert.False(status.Running);
            silos.Add(status.Silo);
        }
        Assert.All(silos, s => Assert.Equal(ClusterFixture.GpuSiloName, s));
    }

    /// <summary>Silo metadata reaches the other silos' caches shortly after they join.</summary>
    internal static async Task EverySiloKnowsTheRolesAsync(ClusterFixture fixture)
    {
        var handles = fixture.Cluster.Silos.Cast<InProcessSiloHandle>().ToList();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var handle in handles)
        {
            var cache = handle.ServiceProvider.GetRequiredService<ISiloMetadataCache>();
            while (handles.Any(h => cache.GetSiloMetadata(h.SiloAddress).Metadata.Count == 0))
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("silo metadata did not reach every silo");
                await Task.Delay(50);
            }
        }
    }
}
