using AgCc.Core.Corpora;

namespace AgCc.Core.Tests.Corpora;

[Trait("Category", Categories.Unit)]
public class CorpusNameTests
{
    [Theory]
    [InlineData("crema-d")]
    [InlineData("msp-improv")]
    [InlineData("demo2")]
    [InlineData("a")]
    public void Accepts_lower_case_hyphenated_names(string name)
    {
        Assert.Null(CorpusName.Problem(name));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("CREMA-D", "lower-case")]
    [InlineData("crema_d", "lower-case")]
    [InlineData("-crema", "lower-case")]
    [InlineData("crema--d", "lower-case")]
    [InlineData("crema/d", "lower-case")]
    public void Rejects_names_that_cannot_be_keys(string name, string reason)
    {
        Assert.Contains(reason, CorpusName.Problem(name));
    }

    [Fact]
    public void Rejects_overlong_names()
    {
        var name = new string('a', CorpusName.MaxLength + 1);
        Assert.Contains("longer than", CorpusName.Problem(name));
        Assert.Null(CorpusName.Problem(name[..CorpusName.MaxLength]));
    }
}
