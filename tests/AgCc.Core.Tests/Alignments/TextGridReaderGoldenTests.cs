using AgCc.Core.Alignments;
using AgCc.Core.Formats;

namespace AgCc.Core.Tests.Alignments;

/// <summary>Files as Praat, MFA (praatio) and MFA 1.x (textgrid.py) write them; see Fixtures/Alignments/README.md.</summary>
[Trait("Category", Categories.Unit)]
public class TextGridReaderGoldenTests
{
    [Theory]
    [InlineData("mfa_long.TextGrid")]
    [InlineData("mfa_short.TextGrid")]
    [InlineData("textgrid_py_style.TextGrid")]
    public void Reads_the_mfa_alignment_without_silences_and_stress_digits(string fixture)
    {
        var alignment = TextGridReader.ReadAlignment(AlignmentFixtures.PathOf(fixture));

        AlignmentFixtures.AssertSame(AlignmentFixtures.ItsElevenOClock, alignment);
    }

    [Fact]
    public void The_general_parse_keeps_every_interval_and_label_as_written()
    {
        var grid = TextGridReader.Read(AlignmentFixtures.PathOf("mfa_long.TextGrid"));

        Assert.Equal((0.0, 1.62), (grid.XMin, grid.XMax));
        Assert.Equal(["words", "phones"], grid.Tiers.Select(t => t.Name));
        var words = Assert.IsType<IntervalTier>(grid.Tiers[0]);
        Assert.Equal((0.0, 1.62), (words.XMin, words.XMax));
        Assert.Equal(
            [new(0, 0.12, ""), new(0.12, 0.35, "it's"), new(0.35, 0.81, "eleven"), new(0.81, 0.93, ""),
             new(0.93, 1.45, "o'clock"), new(1.45, 1.62, "")],
            words.Intervals);
        var phones = Assert.IsType<IntervalTier>(grid.Tiers[1]);
        Assert.Equal(17, phones.Intervals.Count);
        Assert.Equal(new Interval(0, 0.12, "sil"), phones.Intervals[0]);
        Assert.Equal(new Interval(0.12, 0.19, "IH1"), phones.Intervals[1]);
        Assert.Equal(new Interval(0.81, 0.93, "sp"), phones.Intervals[10]);
        Assert.Equal(new Interval(1.45, 1.62, ""), phones.Intervals[16]);
    }

    [Theory]
    [InlineData("mfa_short.TextGrid")]
    [InlineData("textgrid_py_style.TextGrid")]
    public void Other_layouts_parse_to_the_same_grid_as_the_long_form(string fixture)
    {
        var expected = TextGridReader.Read(AlignmentFixtures.PathOf("mfa_long.TextGrid"));

        AlignmentFixtures.AssertSame(expected, TextGridReader.Read(AlignmentFixtures.PathOf(fixture)));
    }

    [Fact]
    public void The_textgrid_py_fixture_really_has_crlf_line_ends()
    {
        // Guards the fixture: a git setting that normalised it would silently drop the CRLF case.
        var bytes = AlignmentFixtures.Bytes("textgrid_py_style.TextGrid");
        Assert.Equal(bytes.Count(b => b == (byte)'\n'), bytes.Count(b => b == (byte)'\r'));
    }

    [Fact]
    public void Reads_the_utf16_file_praat_writes_for_non_ascii_labels()
    {
        var bytes = AlignmentFixtures.Bytes("praat_utf16.TextGrid");
        Assert.Equal([0xFE, 0xFF], bytes[..2]); // Praat's choice: big-endian with a byte-order mark

        var alignment = TextGridReader.ReadAlignment(AlignmentFixtures.PathOf("praat_utf16.TextGrid"));

        Assert.Equal([new(0.1, 0.6, "café")], alignment.Words);
        Assert.Equal(
            [new(0.1, 0.22, "K"), new(0.22, 0.33, "AE"), new(0.33, 0.45, "F"), new(0.45, 0.6, "EY")],
            alignment.Phones);
    }

    [Fact]
    public void Reads_point_tiers_and_ignores_them_for_the_alignment()
    {
        var path = AlignmentFixtures.PathOf("point_tier.TextGrid");

        var grid = TextGridReader.Read(path);
        var events = Assert.IsType<TextTier>(grid.Tiers[0]);
        Assert.Equal("events", events.Name);
        Assert.Equal([new(0.05, "click"), new(0.7, "say \"hi\"")], events.Points);

        var alignment = TextGridReader.ReadAlignment(path);
        Assert.Equal([new(0.2, 0.6, "hi")], alignment.Words);
        Assert.Equal([new(0.2, 0.35, "HH"), new(0.35, 0.6, "AY")], alignment.Phones);
    }

    [Fact]
    public void Accepts_mfa_speaker_prefixed_tiers_and_drops_spoken_noise()
    {
        var alignment = TextGridReader.ReadAlignment(AlignmentFixtures.PathOf("speaker_prefix.TextGrid"));

        Assert.Equal([new(0.3, 0.7, "<unk>"), new(0.7, 1.1, "dog")], alignment.Words);
        Assert.Equal([new(0.7, 0.8, "D"), new(0.8, 0.98, "AO"), new(0.98, 1.1, "G")], alignment.Phones);
    }

    [Fact]
    public void A_missing_file_is_an_input_error_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"agcc-missing-{Guid.NewGuid():N}.TextGrid");

        var error = Assert.Throws<InputException>(() => TextGridReader.ReadAlignment(path));

        Assert.Equal(path, error.File);
        Assert.Contains("cannot read", error.Problem);
    }
}
