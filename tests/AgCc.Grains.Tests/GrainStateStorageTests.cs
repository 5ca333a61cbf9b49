using AgCc.Core.Features;
using AgCc.Grains.Features;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AgCc.Grains.Tests;

/// <summary>
/// Grain state through the silo's own grain-storage serializer (JSON with type names, as the Azure
/// blob storage writes it): what a new activation on another silo reads back must equal what was
/// written. In-memory storage in the other grain tests never takes this path.
/// </summary>
[Trait("Category", Categories.Grain)]
[Collection(ClusterCollection.Name)]
public sealed class GrainStateStorageTests(ClusterFixture fixture)
{
    private IGrainStorageSerializer Serializer => fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IGrainStorageSerializer>();

    [Fact]
    public void A_feature_set_state_reads_back_as_written()
    {
        var written = new FeatureSetState
        {
            Spec = FeatureSpec.Wav2Vec2("/models/wav2vec2-base", "3-8", FeatureNormalization.Corpus),
            Generation = 2,
            Stage = FeatureSetStage.Extracting,
            CorpusBatches = ["corpora/a/g1/batches/00000.bin"],
            BatchesDone = 1,
            Shape = new FeatureSetShape(1, 768, 50, 0.01246875),
            Sum = [1.5, -2],
            SumOfSquares = [4, 8],
            Elapsed = TimeSpan.FromSeconds(3.5),
            Rejections = ["u1: too short"],
        };

        var read = Serializer.Deserialize<FeatureSetState>(Serializer.Serialize(written));

        Assert.NotNull(read);
        Assert.Equal(written.Spec, read.Spec);
        Assert.Equal(written.Spec!.Key, read.Spec!.Key);
        Assert.Equal((written.Generation, written.Stage, written.BatchesDone, written.Shape, written.Elapsed), (read.Generation, read.Stage, read.BatchesDone, read.Shape, read.Elapsed));
        Assert.Equal(written.CorpusBatches, read.CorpusBatches);
        Assert.Equal(written.Sum, read.Sum);
        Assert.Equal(written.SumOfSquares, read.SumOfSquares);
        Assert.Equal(written.Rejections, read.Rejections);
    }
}
