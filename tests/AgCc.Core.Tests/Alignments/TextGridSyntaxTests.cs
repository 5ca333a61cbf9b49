using System.Text;
using AgCc.Core.Alignments;
using AgCc.Core.Formats;

namespace AgCc.Core.Tests.Alignments;

/// <summary>What else Praat's text format allows, and where the 1e-6 s tolerance applies.</summary>
[Trait("Category", Categories.Unit)]
public class TextGridSyntaxTests
{
    private static TextGrid Parse(string text) => TextGridReader.Parse(Encoding.UTF8.GetBytes(text), "t.TextGrid");

    /// <summary>A short-form file with one interval tier "words" over [0, 1].</summary>
    private static string Words(string intervals, int count) =>
        $"File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\n0\n1\n<exists>\n1\n\"IntervalTier\"\n\"words\"\n0\n1\n{count}\n{intervals}";

    [Fact]
    public void Reads_the_old_short_file_type_and_comments()
    {
        var grid = Parse("File type = \"ooTextFile short\"\nObject class = \"TextGrid\"\n\n0 1 ! time domain\n<exists>\n1\n"
                         + "\"IntervalTier\" \"words\" 0 1 ! several values a line\n1\n0 1 \"hi\"\n");

        Assert.Equal([new(0, 1, "hi")], ((IntervalTier)grid.Tiers.Single()).Intervals);
    }

    [Fact]
    public void Reads_a_grid_without_tiers()
    {
        var grid = Parse("File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\nxmin = 0\nxmax = 2.5\ntiers? <absent>\n");

        Assert.Equal((0.0, 2.5), (grid.XMin, grid.XMax));
        Assert.Empty(grid.Tiers);
    }

    [Fact]
    public void Reads_an_empty_tier()
    {
        var tier = (IntervalTier)Parse(Words("", 0)).Tiers.Single();

        Assert.Empty(tier.Intervals);
    }

    [Fact]
    public void Reads_numbers_in_any_decimal_notation()
    {
        var tier = (IntervalTier)Parse(Words("0.0\n.25\n\"a\"\n2.5e-1\n+1E0\n\"b\"\n", 2)).Tiers.Single();

        Assert.Equal([new(0, 0.25, "a"), new(0.25, 1, "b")], tier.Intervals);
    }

    [Fact]
    public void Accepts_gaps_between_intervals()
    {
        // praatio without includeBlankSpaces leaves gaps; they are not silences to invent.
        var tier = (IntervalTier)Parse(Words("0.1\n0.3\n\"a\"\n0.5\n0.9\n\"b\"\n", 2)).Tiers.Single();

        Assert.Equal([new(0.1, 0.3, "a"), new(0.5, 0.9, "b")], tier.Intervals);
    }

    [Fact]
    public void Tolerates_boundaries_that_disagree_by_at_most_a_microsecond()
    {
        var tier = (IntervalTier)Parse(Words("-0.0000009\n0.5\n\"a\"\n0.4999991\n1.0000009\n\"b\"\n", 2)).Tiers.Single();

        Assert.Equal(2, tier.Intervals.Count);
    }

    [Theory]
    [InlineData("0\n0.5\n\"a\"\n0.4999989\n1\n\"b\"\n", 16, "intervals overlap")]
    [InlineData("0\n0.5\n\"a\"\n0.5\n1.0000011\n\"b\"\n", 17, "after the tier's xmax 1")]
    [InlineData("-0.0000011\n0.5\n\"a\"\n0.5\n1\n\"b\"\n", 13, "before the tier's xmin 0")]
    public void Rejects_boundaries_beyond_the_tolerance(string intervals, int line, string problem)
    {
        var error = Assert.Throws<InputException>(() => Parse(Words(intervals, 2)));

        Assert.Equal($"line {line}", error.Location);
        Assert.Contains(problem, error.Problem);
    }

    [Theory]
    [InlineData("0.7\n\"a\"\n0.3\n\"b\"\n", 15, "points out of order")]
    [InlineData("0.7\n\"a\"\n1.5\n\"b\"\n", 15, "outside the tier's domain [0, 1]")]
    public void Checks_points_too(string points, int line, string problem)
    {
        var text = $"File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\n0\n1\n<exists>\n1\n\"TextTier\"\n\"events\"\n0\n1\n2\n{points}";

        var error = Assert.Throws<InputException>(() => Parse(text));

        Assert.Equal($"line {line}", error.Location);
        Assert.Contains(problem, error.Problem);
    }
}
