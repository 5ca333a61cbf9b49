using System.Text;
using AgCc.Core.Alignments;

namespace AgCc.Core.Tests.Alignments;

/// <summary>
/// The writer against Praat's own output (fixtures made by Praat, see make_fixtures.praat) and
/// against the reader.
/// </summary>
[Trait("Category", Categories.Unit)]
public sealed class TextGridWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agcc-textgrid-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathFor(string name) => Path.Combine(_dir, name);

    [Theory]
    [InlineData(TextGridForm.Long, "writer_expected_long.TextGrid")]
    [InlineData(TextGridForm.Short, "writer_expected_short.TextGrid")]
    public void Writes_byte_for_byte_what_praat_writes(TextGridForm form, string fixture)
    {
        var path = PathFor("kids.TextGrid");

        TextGridWriter.Write(path, AlignmentFixtures.KidsAreTalking, 1.5, form);

        Assert.Equal(AlignmentFixtures.Text(fixture), File.ReadAllText(path));
        Assert.Equal(AlignmentFixtures.Bytes(fixture), File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData(TextGridForm.Long)]
    [InlineData(TextGridForm.Short)]
    public void Round_trips_through_the_reader(TextGridForm form)
    {
        var path = PathFor("kids.TextGrid");

        TextGridWriter.Write(path, AlignmentFixtures.KidsAreTalking, 1.5, form);

        AlignmentFixtures.AssertSame(AlignmentFixtures.KidsAreTalking, TextGridReader.ReadAlignment(path));
    }

    [Theory]
    [InlineData(TextGridForm.Long)]
    [InlineData(TextGridForm.Short)]
    public void Round_trips_awkward_labels_and_times(TextGridForm form)
    {
        var alignment = new PhoneAlignment(
            [new(0, 0.1, "say \"hi\""), new(0.1, 0.2, "café"), new(0.2, 0.2000003, "ɪ"), new(2.0 / 7, 3.0 / 7, "two\nlines")],
            [new(1e-5, 0.3, "K"), new(0.3, Math.PI / 4, "\"\"")]);
        var path = PathFor("awkward.TextGrid");

        TextGridWriter.Write(path, alignment, 0.9, form);

        AlignmentFixtures.AssertSame(alignment, TextGridReader.ReadAlignment(path));
    }

    [Theory]
    [InlineData("mfa_long.TextGrid", TextGridForm.Long)]
    [InlineData("mfa_short.TextGrid", TextGridForm.Short)]
    [InlineData("point_tier.TextGrid", TextGridForm.Long)]
    [InlineData("speaker_prefix.TextGrid", TextGridForm.Short)]
    [InlineData("praat_numbers.TextGrid", TextGridForm.Short)]
    [InlineData("praat_utf16.TextGrid", TextGridForm.Long)]
    public void Formats_any_praat_file_back_to_its_own_text(string fixture, TextGridForm form)
    {
        var path = AlignmentFixtures.PathOf(fixture);

        var text = TextGridWriter.Format(TextGridReader.Read(path), form);

        Assert.Equal(File.ReadAllText(path), text); // ReadAllText honours the UTF-16 file's byte-order mark
    }

    [Fact]
    public void Fills_gaps_so_each_tier_covers_the_duration()
    {
        var alignment = new PhoneAlignment([new(0.5, 1.0, "a"), new(1.0, 1.5, "b")], []);

        var grid = AlignmentGrid.ToTextGrid(alignment, 2.0);

        Assert.Equal(["words", "phones"], grid.Tiers.Select(t => t.Name));
        Assert.Equal(
            [new(0, 0.5, ""), new(0.5, 1.0, "a"), new(1.0, 1.5, "b"), new(1.5, 2.0, "")],
            ((IntervalTier)grid.Tiers[0]).Intervals);
        Assert.Equal([new(0, 2.0, "")], ((IntervalTier)grid.Tiers[1]).Intervals);
        Assert.All(grid.Tiers, t => Assert.Equal((0.0, 2.0), (t.XMin, t.XMax)));
    }

    [Fact]
    public void Closes_gaps_and_overlaps_within_the_tolerance()
    {
        var alignment = new PhoneAlignment([new(-1e-7, 0.5, "a"), new(0.5000004, 1.0, "b"), new(0.9999996, 1.9999995, "c")], []);

        var words = ((IntervalTier)AlignmentGrid.ToTextGrid(alignment, 2.0).Tiers[0]).Intervals;

        Assert.Equal([new(0, 0.5, "a"), new(0.5, 1.0, "b"), new(1.0, 2.0, "c")], words);
    }

    [Theory]
    [InlineData(0.0, 0.5, 0.4, 0.8, "starts before the previous interval ends")]
    [InlineData(0.0, 0.5, 0.6, 0.6, "must end after it starts")]
    [InlineData(0.0, 0.5, 0.6, 2.5, "ends after the duration 2 s")]
    [InlineData(-0.1, 0.5, 0.6, 0.7, "starts before 0")]
    public void Rejects_alignments_that_do_not_fit(double s1, double e1, double s2, double e2, string problem)
    {
        var alignment = new PhoneAlignment([], [new(s1, e1, "A"), new(s2, e2, "B")]);

        var error = Assert.Throws<ArgumentException>(() => TextGridWriter.Write(PathFor("bad.TextGrid"), alignment, 2.0));

        Assert.Contains(problem, error.Message);
        Assert.Contains("phones[", error.Message);
        Assert.False(File.Exists(PathFor("bad.TextGrid")));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Rejects_a_duration_that_is_not_positive(double duration)
    {
        var alignment = new PhoneAlignment([], []);

        Assert.Throws<ArgumentOutOfRangeException>(() => TextGridWriter.Write(PathFor("bad.TextGrid"), alignment, duration));
    }

    [Fact]
    public void Writes_utf8_without_a_byte_order_mark()
    {
        var path = PathFor("cafe.TextGrid");

        TextGridWriter.Write(path, new PhoneAlignment([new(0, 1, "café")], []), 1);

        var bytes = File.ReadAllBytes(path);
        Assert.Equal((byte)'F', bytes[0]);
        Assert.Contains("text = \"café\" \n", Encoding.UTF8.GetString(bytes));
    }
}
