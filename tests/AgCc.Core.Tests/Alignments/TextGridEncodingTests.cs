using System.Text;
using AgCc.Core.Alignments;
using AgCc.Core.Formats;

namespace AgCc.Core.Tests.Alignments;

/// <summary>The same file in every encoding and line-end convention a TextGrid arrives in.</summary>
[Trait("Category", Categories.Unit)]
public class TextGridEncodingTests
{
    private static readonly string LongText = AlignmentFixtures.Text("mfa_long.TextGrid");

    public static TheoryData<string> Encodings => ["utf-8", "utf-8 bom", "utf-16le bom", "utf-16be bom", "utf-16le", "utf-16be"];

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => Encoding.UTF8.GetBytes(text),
        "utf-8 bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "utf-16le bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf-16be bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf-16le" => Encoding.Unicode.GetBytes(text),
        "utf-16be" => Encoding.BigEndianUnicode.GetBytes(text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Reads_every_encoding(string encoding)
    {
        var alignment = TextGridReader.ParseAlignment(Encode(LongText, encoding), "in-memory.TextGrid");

        AlignmentFixtures.AssertSame(AlignmentFixtures.ItsElevenOClock, alignment);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Reads_crlf_and_cr_line_ends(string lineEnd)
    {
        var text = LongText.Replace("\n", lineEnd);

        var alignment = TextGridReader.ParseAlignment(Encoding.UTF8.GetBytes(text), "in-memory.TextGrid");

        AlignmentFixtures.AssertSame(AlignmentFixtures.ItsElevenOClock, alignment);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Counts_each_line_end_once_in_error_locations(string lineEnd)
    {
        // Line 20 of mfa_long is the xmin of words interval 2; make it overlap interval 1.
        var lines = LongText.Split('\n');
        lines[19] = "            xmin = 0.1 ";
        var text = string.Join(lineEnd, lines);

        var error = Assert.Throws<InputException>(() => TextGridReader.Parse(Encoding.UTF8.GetBytes(text), "x.TextGrid"));

        Assert.Equal("line 20", error.Location);
    }

    [Fact]
    public void Reads_an_8_bit_file_as_latin1_as_praat_does()
    {
        var text = LongText.Replace("\"eleven\"", "\"café\"");

        var alignment = TextGridReader.ParseAlignment(Encoding.Latin1.GetBytes(text), "latin1.TextGrid");

        Assert.Equal("café", alignment.Words[1].Label);
    }

    [Fact]
    public void Reads_utf8_labels()
    {
        var text = LongText.Replace("\"eleven\"", "\"naïve ɪ\"");

        var alignment = TextGridReader.ParseAlignment(Encoding.UTF8.GetBytes(text), "utf8.TextGrid");

        Assert.Equal("naïve ɪ", alignment.Words[1].Label);
    }

    [Fact]
    public void Undoubles_quotes_and_keeps_line_breaks_inside_strings()
    {
        var text = LongText.Replace("\"eleven\"", "\"say \"\"hi\"\"\nthere\"");

        var grid = TextGridReader.Parse(Encoding.UTF8.GetBytes(text), "quotes.TextGrid");

        Assert.Equal("say \"hi\"\nthere", ((IntervalTier)grid.Tiers[0]).Intervals[2].Label);
    }

    [Fact]
    public void A_line_break_inside_a_string_still_counts_for_later_lines()
    {
        var lines = LongText.Replace("\"eleven\"", "\"two\nlines\"").Split('\n');
        lines[28] = "            xmin = 0.5 "; // words interval 4's xmin: line 28 in the file, 29 here
        var text = string.Join('\n', lines);

        var error = Assert.Throws<InputException>(() => TextGridReader.Parse(Encoding.UTF8.GetBytes(text), "x.TextGrid"));

        Assert.Equal("line 29", error.Location);
    }
}
