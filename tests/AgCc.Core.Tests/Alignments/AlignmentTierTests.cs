using System.Text;
using AgCc.Core.Alignments;
using AgCc.Core.Formats;

namespace AgCc.Core.Tests.Alignments;

/// <summary>Which tiers are the alignment's `words` and `phones`.</summary>
[Trait("Category", Categories.Unit)]
public class AlignmentTierTests
{
    private static IntervalTier Tier(string name, string label) => new(name, 0, 1, [new Interval(0, 1, label)]);

    private static PhoneAlignment Parse(params TextGridTier[] tiers) =>
        TextGridReader.ParseAlignment(Encoding.UTF8.GetBytes(TextGridWriter.Format(new TextGrid(0, 1, tiers))), "t.TextGrid");

    private static InputException ParseFails(params TextGridTier[] tiers) =>
        Assert.Throws<InputException>(() => Parse(tiers));

    [Fact]
    public void Matches_tier_names_ignoring_case()
    {
        var alignment = Parse(Tier("Words", "hi"), Tier("PHONES", "HH"));

        Assert.Equal("hi", alignment.Words.Single().Label);
        Assert.Equal("HH", alignment.Phones.Single().Label);
    }

    [Fact]
    public void Prefers_an_exact_name_to_a_speaker_prefixed_one()
    {
        var alignment = Parse(Tier("spk - words", "other"), Tier("words", "hi"), Tier("spk - phones", "HH"));

        Assert.Equal("hi", alignment.Words.Single().Label);
        Assert.Equal("HH", alignment.Phones.Single().Label);
    }

    [Fact]
    public void Rejects_several_speakers()
    {
        // Long form, one interval a tier: tier i's class is on line 10i.
        var error = ParseFails(Tier("A - words", "a"), Tier("A - phones", "AH"), Tier("B - words", "b"), Tier("B - phones", "B"));

        Assert.Equal("line 30", error.Location);
        Assert.Contains("\"A - words\" (line 10), \"B - words\" (line 30)", error.Problem);
    }

    [Fact]
    public void Rejects_two_tiers_of_the_same_name()
    {
        var error = ParseFails(Tier("words", "a"), Tier("phones", "AH"), Tier("words", "b"));

        Assert.Contains("more than one tier could be the \"words\" tier", error.Problem);
    }

    [Fact]
    public void Rejects_a_point_tier_named_phones()
    {
        var error = ParseFails(Tier("words", "a"), new TextTier("phones", 0, 1, [new TextPoint(0.5, "AH")]));

        Assert.Equal("line 20", error.Location);
        Assert.Contains("TextTier", error.Problem);
    }

    [Fact]
    public void Names_the_tiers_found_when_one_is_missing()
    {
        var error = ParseFails(Tier("words", "a"), Tier("syllables", "a"));

        Assert.Equal("line 7", error.Location);
        Assert.Contains("no \"phones\" tier", error.Problem);
        Assert.Contains("tiers found: \"words\", \"syllables\"", error.Problem);
    }

    [Fact]
    public void Says_none_when_the_file_has_no_tiers()
    {
        var error = ParseFails();

        Assert.Contains("tiers found: none", error.Problem);
    }
}
