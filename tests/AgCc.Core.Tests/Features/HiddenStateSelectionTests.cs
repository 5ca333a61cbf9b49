using AgCc.Core.Features;
using AgCc.Core.Torch.Features;
using TorchSharp;

namespace AgCc.Core.Tests.Features;

[Trait("Category", Categories.Unit)]
public class HiddenStateSelectionTests
{
    [Fact]
    public void The_last_one_layer_a_range_mean_or_the_whole_stack()
    {
        using var scope = torch.NewDisposeScope();
        var hidden = torch.arange(3 * 2 * 4, dtype: torch.ScalarType.Float32).reshape(3, 2, 4); // 2 layers + input, 2 frames, 4 dims

        Assert.True(new HiddenStateSelection.Single(1).Apply(hidden).allclose(hidden[1], rtol: 0, atol: 0));
        Assert.True(new HiddenStateSelection.Final().Apply(hidden).allclose(hidden[2], rtol: 0, atol: 0));
        var mean = new HiddenStateSelection.Average(1, 2).Apply(hidden);
        Assert.True(mean.allclose((hidden[1] + hidden[2]) / 2));
        Assert.Equal(hidden.shape, new HiddenStateSelection.WeightedSum().Apply(hidden).shape);
        Assert.Equal(3, new HiddenStateSelection.WeightedSum().Planes(2));
        Assert.Equal(1, new HiddenStateSelection.Average(1, 2).Planes(2));
    }

    [Theory]
    [InlineData("6")]
    [InlineData("3-8")]
    [InlineData("last")]
    [InlineData("weighted")]
    public void Keys_parse_back(string key) => Assert.Equal(key, HiddenStateSelection.Parse(key).Key);

    [Fact]
    public void Bad_selections_say_what_is_wrong()
    {
        Assert.Throws<FormatException>(() => HiddenStateSelection.Parse("-1"));
        Assert.Contains("expected a layer", HiddenStateSelection.FormatProblem("first"));
        Assert.Null(HiddenStateSelection.FormatProblem("3-8"));
        Assert.Contains("0..12", new HiddenStateSelection.Single(13).Problem(12));
        Assert.Contains("first ≤ last", new HiddenStateSelection.Average(5, 3).Problem(12));
        Assert.Null(new HiddenStateSelection.Average(0, 12).Problem(12));
        using var hidden = torch.zeros(3, 2, 4);
        Assert.Throws<ArgumentException>(() => new HiddenStateSelection.Single(3).Apply(hidden));
    }
}
