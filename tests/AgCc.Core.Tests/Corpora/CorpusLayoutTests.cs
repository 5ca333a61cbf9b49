using AgCc.Core.Corpora;

namespace AgCc.Core.Tests.Corpora;

[Trait("Category", Categories.Unit)]
public class CorpusLayoutTests
{
    [Theory]
    [InlineData("crema-d", CorpusLayout.CremaD)]
    [InlineData("MSP-IMPROV", CorpusLayout.MspImprov)]
    [InlineData(" manifest ", CorpusLayout.Manifest)]
    public void Parses_the_names_users_type(string text, CorpusLayout expected)
    {
        Assert.Equal(expected, CorpusLayouts.Parse(text));
    }

    [Fact]
    public void Every_layout_round_trips_through_its_name()
    {
        foreach (var layout in Enum.GetValues<CorpusLayout>())
        {
            Assert.Equal(layout, CorpusLayouts.Parse(layout.ToName()));
        }
        Assert.Equal(Enum.GetValues<CorpusLayout>().Length, CorpusLayouts.All.Count);
    }

    [Fact]
    public void Unknown_layout_names_the_value_and_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => CorpusLayouts.Parse("iemocap"));
        Assert.Contains("'iemocap'", error.Message);
        Assert.Contains("crema-d, msp-improv, manifest", error.Message);
    }
}
