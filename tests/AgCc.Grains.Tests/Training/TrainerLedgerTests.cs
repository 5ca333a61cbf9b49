using AgCc.Artifacts;
using AgCc.Grains.Cluster;
using AgCc.Grains.Training;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;

namespace AgCc.Grains.Tests.Training;

/// <summary>
/// The trainer ledger on a cluster of two cpu silos (no gpu: both may train): runs spread over
/// the silos by how many trainers each holds, a run keeps its silo, a finished one frees it, and
/// the ledger's choice passed as a placement hint is where the trainer activates.
/// </summary>
[Trait("Category", Categories.Grain)]
public sealed class TrainerLedgerTests : IAsyncLifetime
{
    private InProcessTestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.Services.AddSingleton<IArtifactStore>(new InMemoryArtifactStore());
            silo.AddAgCcGrains();
            silo.UseSiloMetadata(new Dictionary<string, string> { [SiloMetadataKeys.Role] = "cpu" });
        });
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task Runs_spread_over_the_silos_keep_their_silo_and_free_it_when_finished()
    {
        var ledger = cluster.Client.GetGrain<ITrainerLedgerGrain>(0);
        var silos = cluster.Silos.Select(s => s.SiloAddress).ToHashSet();

        var a = await ledger.Choose("run-a");
        var b = await ledger.Choose("run-b");
        Assert.Equal(silos, new HashSet<SiloAddress> { a, b });
        Assert.Equal(a, await ledger.Choose("run-a"));

        await ledger.Finished("run-a");
        Assert.Equal(a, await ledger.Choose("run-c"));

        // A trainer found elsewhere than chosen counts where it is.
        await ledger.Placed("run-c", b);
        Assert.Equal(a, await ledger.Choose("run-d"));
        var load = await ledger.Load();
        Assert.Equal(1, load[a]);
        Assert.Equal(2, load[b]);
    }

    [Fact]
    public async Task A_trainer_activates_on_the_silo_the_ledger_chose()
    {
        var ledger = cluster.Client.GetGrain<ITrainerLedgerGrain>(0);
        var placed = new List<SiloAddress>();
        for (var i = 0; i < 6; i++)
        {
            var run = TrainingRunSetup.UniqueName("ledger");
            var chosen = await ledger.Choose(run);
            RequestContext.Set(IPlacementDirector.PlacementHintKey, chosen);
            try
            {
                var status = await cluster.Client.GetGrain<ITrainerGrain>(run).GetStatus();
                Assert.Equal(chosen, status.Address);
                placed.Add(status.Address);
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }
        }
        Assert.All(cluster.Silos, s => Assert.Equal(3, placed.Count(p => p.Equals(s.SiloAddress))));
    }
}
