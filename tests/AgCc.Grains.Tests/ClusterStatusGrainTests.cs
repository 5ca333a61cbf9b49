using AgCc.Grains.Cluster;

namespace AgCc.Grains.Tests;

[Trait("Category", Categories.Grain)]
[Collection(ClusterCollection.Name)]
public class ClusterStatusGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Lists_every_live_silo_with_its_role_and_device()
    {
        var status = await fixture.Client.GetClusterStatusAsync();

        Assert.Equal(2, status.Silos.Count);
        Assert.All(status.Silos, s =>
        {
            Assert.Equal("Active", s.Status);
            Assert.Equal("cpu", s.Device);
        });
        Assert.Equal("gpu", Assert.Single(status.Silos, s => s.Name == ClusterFixture.GpuSiloName).Role);
        Assert.Equal("cpu", Assert.Single(status.Silos, s => s.Name != ClusterFixture.GpuSiloName).Role);
        Assert.Equal(
            fixture.Cluster.Silos.Select(s => s.SiloAddress.ToParsableString()).Order(),
            status.Silos.Select(s => s.Address).Order());
    }

    [Fact]
    public async Task Counts_activations_per_silo_and_grain_type_under_the_class_name()
    {
        // Activates the status grain (a stateless worker) and a training run grain somewhere.
        await fixture.Client.GetClusterStatusAsync();
        await fixture.Client.GetRunStatusAsync("cluster-statistics-probe");

        var statistics = await fixture.Client.GetClusterStatisticsAsync();

        Assert.Equal(
            fixture.Cluster.Silos.Select(s => s.SiloAddress.ToParsableString()).Order(),
            statistics.Silos.Select(s => s.Address).Order());
        Assert.Equal(statistics.Silos.Select(s => s.Name).Order(StringComparer.Ordinal), statistics.Silos.Select(s => s.Name));
        Assert.Contains(statistics.Silos, s => s.Name == ClusterFixture.GpuSiloName);
        Assert.All(statistics.Silos, s =>
        {
            Assert.True(s.Activations >= 0);
            Assert.True(s.ReceivedMessages >= 0 && s.SentMessages >= 0);
            Assert.All(s.GrainTypes, t =>
            {
                Assert.True(t.Activations > 0);
                Assert.Equal(GrainTypeNames.Short(t.GrainType), t.Name);
                Assert.DoesNotContain('.', t.Name);
                Assert.DoesNotContain('`', t.Name);
            });
            // Most activations first.
            Assert.Equal(s.GrainTypes.Select(t => t.Activations).OrderDescending(), s.GrainTypes.Select(t => t.Activations));
        });

        var all = statistics.Silos.SelectMany(s => s.GrainTypes).ToArray();
        Assert.Contains(all, t => t.Name == "ClusterStatusGrain");
        Assert.Contains(all, t => t.Name == "TrainingRunGrain");
    }

    [Theory]
    [InlineData("AgCc.Grains.Training.TrainingRunGrain", "TrainingRunGrain")]
    [InlineData("AgCc.Grains.Cluster.ClusterStatusGrain,AgCc.Grains", "ClusterStatusGrain")]
    [InlineData("Orleans.Streams.PubSubRendezvousGrain`1[[System.String, System.Private.CoreLib]]", "PubSubRendezvousGrain")]
    [InlineData("Some.Outer+InnerGrain", "InnerGrain")]
    [InlineData("PlainGrain", "PlainGrain")]
    [InlineData("", "")]
    public void Shortens_grain_type_names_to_the_class_name(string type, string name) =>
        Assert.Equal(name, GrainTypeNames.Short(type));
}
