using AgCc.Core.Torch.Features.Wav2Vec2;
using TorchSharp;

namespace AgCc.Core.Tests.Features;

[Trait("Category", Categories.Unit)]
public class Wav2Vec2LayerSelectionTests
{
    [Fact]
    public void One_layer_a_range_mean_or_the_whole_stack()
    {
        using var scope = torch.NewDisposeScope();
        var hidden = torch.arange(3 * 2 * 4, dtype: torch.ScalarType.Float32).reshape(3, 2, 4); // 2 layers + input, 2 frames, 4 dims

        Assert.True(new Wav2Vec2LayerSelection.Single(1).Apply(hidden).allclose(hidden[1], rtol: 0, atol: 0));
        var mean = new Wav2Vec2LayerSelection.Average(1, 2).Apply(hidden);
        Assert.True(mean.allclose((hidden[1] + hidden[2]) / 2));
        Assert.Equal(hidden.shape, new Wav2Vec2LayerSelection.WeightedSum().Apply(hidden).shape);
    }

    [Theory]
    [InlineData("6")]
    [InlineData("3-8")]
    [InlineData("weighted")]
    public void Keys_parse_back(string key) => Assert.Equal(key, Wav2Vec2LayerSelection.Parse(key).Key);

    [Fact]
    public void Bad_selections_say_what_is_wrong()
    {
        Assert.Throws<FormatException>(() => Wav2Vec2LayerSelection.Parse("-1"));
        Assert.Throws<FormatException>(() => Wav2Vec2LayerSelection.Parse("last"));
        Assert.Contains("0..12", new Wav2Vec2LayerSelection.Single(13).Problem(12));
        Assert.Contains("first ≤ last", new Wav2Vec2LayerSelection.Average(5, 3).Problem(12));
        Assert.Null(new Wav2Vec2LayerSelection.Average(0, 12).Problem(12));
        using var hidden = torch.zeros(3, 2, 4);
        Assert.Throws<ArgumentException>(() => new Wav2Vec2LayerSelection.Single(3).Apply(hidden));
    }
}
