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
}
