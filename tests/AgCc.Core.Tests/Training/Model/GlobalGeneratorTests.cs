using AgCc.Core.Torch.Training.Model;
using AgCc.Core.Training.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace AgCc.Core.Tests.Training.Model;

/// <summary>Tests that read the process-wide generator run alone: any other test drawing from it meanwhile would fail them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalGeneratorCollection
{
    public const string Name = "Process-wide torch generator";
}

/// <summary>Building and running the SER model never draws from the process-wide generator (concurrent runs in one silo share it).</summary>
[Trait("Category", Categories.Unit)]
[Collection(GlobalGeneratorCollection.Name)]
public class GlobalGeneratorTests
{
    [Fact]
    public void Building_and_training_a_model_leaves_the_global_generator_alone()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(1);
        var expected = rand(5).data<float>().ToArray();

        torch.manual_seed(1);
        using (var model = new SerModel(new ModelConfig(Width: 16, Layers: 2, Heads: 2, FeedForward: 24, Dropout: 0.3, Hidden: [8, 6]), 5, 3, 4, new Generator(7)))
        {
            model.train();
            var features = randn([3, 3, 6, 5], generator: new Generator(8));
            var output = model.Forward(features, SerModelFixtures.Padding([6, 3, 1]), new Generator(9), layerOutputs: true);
            output.Logits.sum().backward();
            _ = SerModel.SegmentEmbeddings(output.Frames, [0, 1], [0, 1], [3, 3]);
        }
        Assert.Equal(expected, rand(5).data<float>().ToArray());
    }
}
