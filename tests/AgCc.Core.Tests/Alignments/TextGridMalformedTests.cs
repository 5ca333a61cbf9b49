using AgCc.Core.Alignments;
using AgCc.Core.Formats;

namespace AgCc.Core.Tests.Alignments;

/// <summary>
/// Damaged TextGrids: each case edits lines of a small valid file (long or short form, below)
/// and names the line the error must point at and words its message must contain.
/// </summary>
[Trait("Category", Categories.Unit)]
public sealed class TextGridMalformedTests : IDisposable
{
    // "hi" = HH AY1: words tier of 2 intervals (lines 9-22), phones tier of 3 (lines 23-40).
    private const string Long = """
        File type = "ooTextFile"
        Object class = "TextGrid"

        xmin = 0
        xmax = 1
        tiers? <exists>
        size = 2
        item []:
            item [1]:
                class = "IntervalTier"
                name = "words"
                xmin = 0
                xmax = 1
                intervals: size = 2
                intervals [1]:
                    xmin = 0
                    xmax = 0.4
                    text = "hi"
                intervals [2]:
                    xmin = 0.4
                    xmax = 1
                    text = ""
            item [2]:
                class = "IntervalTier"
                name = "phones"
                xmin = 0
                xmax = 1
                intervals: size = 3
                intervals [1]:
                    xmin = 0
                    xmax = 0.2
                    text = "HH"
                intervals [2]:
                    xmin = 0.2
                    xmax = 0.4
                    text = "AY1"
                intervals [3]:
                    xmin = 0.4
                    xmax = 1
                    text = ""

        """;

    // The same grid in the short form: words from line 8, phones from line 19.
    private const string Short = """
        File type = "ooTextFile"
        Object class = "TextGrid"

        0
        1
        <exists>
        2
        "IntervalTier"
        "words"
        0
        1
        2
        0
        0.4
        "hi"
        0.4
        1
        ""
        "IntervalTier"
        "phones"
        0
        1
        3
        0
        0.2
        "HH"
        0.2
        0.4
        "AY1"
        0.4
        1
        ""

        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("agcc-textgrid-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>`N=text` replaces line N; `..N` keeps lines 1 to N; edits are separated by `|`.</summary>
    private static string Edit(string text, string edits)
    {
        var lines = text.Split('\n').ToList();
        foreach (var edit in edits.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            if (edit.StartsWith("..", StringComparison.Ordinal))
            {
                lines = lines.Take(int.Parse(edit[2..])).ToList();
                continue;
            }
            var eq = edit.IndexOf('=');
            lines[int.Parse(edit[..eq]) - 1] = edit[(eq + 1)..];
        }
        return string.Join('\n', lines);
    }

    private string WriteCase(string form, string edits)
    {
        var path = Path.Combine(_dir, $"{form}.TextGrid");
        File.WriteAllText(path, Edit(form == "long" ? Long : Short, edits));
        return path;
    }

    [Theory]
    [InlineData("long")]
    [InlineData("short")]
    public void The_unedited_files_are_valid(string form)
    {
        var alignment = TextGridReader.ReadAlignment(WriteCase(form, ""));

        Assert.Equal([new(0, 0.4, "hi")], alignment.Words);
        Assert.Equal([new(0, 0.2, "HH"), new(0.2, 0.4, "AY")], alignment.Phones);
    }

    [Theory]
    // What a TextGrid must be.
    [InlineData("long", "1=frame, face_id, timestamp, confidence, success", 1, "not a Praat text file")]
    [InlineData("long", "1=", 1, "not a Praat text file")]
    [InlineData("long", "2=Object class = \"Pitch 1\"", 2, "object class \"Pitch 1\" is not \"TextGrid\"")]
    [InlineData("long", "5=xmax = 0", 5, "not greater than its xmin")]
    [InlineData("long", "6=tiers? <maybe>", 6, "<exists> or <absent>")]
    [InlineData("long", "24=class = \"Pitch\"", 24, "class \"Pitch\"")]
    // Intervals ordered, not overlapping, inside their tier; tiers inside the file.
    [InlineData("long", "34=xmin = 0.15", 34, "intervals overlap")]
    [InlineData("long", "30=xmin = 0.2|31=xmax = 0.4|34=xmin = 0|35=xmax = 0.2", 34, "intervals out of order")]
    [InlineData("long", "35=xmax = 0.2", 35, "xmax 0.2, not greater than its xmin 0.2")]
    [InlineData("long", "35=xmax = 0.1", 35, "not greater than its xmin")]
    [InlineData("long", "39=xmax = 1.2", 39, "after the tier's xmax 1")]
    [InlineData("long", "30=xmin = -0.1", 30, "before the tier's xmin 0")]
    [InlineData("long", "27=xmax = 1.5", 27, "after the file's xmax 1")]
    [InlineData("short", "27=0.15", 27, "intervals overlap")]
    // Counts that do not match what follows.
    [InlineData("long", "28=intervals: size = 4", 40, "the file ends where interval 4 of tier \"phones\" should start")]
    [InlineData("long", "14=intervals: size = 1", 20, "tier \"words\" has more intervals than the 1 declared at line 14")]
    [InlineData("long", "14=intervals: size = 3", 24, "tier \"words\" has 2 intervals, fewer than the 3 declared at line 14")]
    [InlineData("long", "7=size = 3", 40, "tier 3 of the 3 declared at line 7")]
    [InlineData("long", "7=size = 1", 24, "another tier follows the 1 declared at line 7")]
    [InlineData("long", "14=intervals: size = 2.5", 14, "expected a whole number")]
    [InlineData("short", "12=1", 16, "tier \"words\" has more intervals than the 1 declared at line 12")]
    [InlineData("short", "23=2", 30, "tier \"phones\" has more intervals than the 2 declared at line 23")]
    [InlineData("short", "23=4", 32, "the file ends where interval 4")]
    // The alignment's tiers.
    [InlineData("long", "25=name = \"syllables\"", 7, "no \"phones\" tier (nor one named \"SPEAKER - phones\"); tiers found: \"words\", \"syllables\"")]
    [InlineData("long", "11=name = \"text\"", 7, "no \"words\" tier")]
    [InlineData("short", "20=\"phonemes\"", 7, "tiers found: \"words\", \"phonemes\"")]
    // Truncated or damaged text.
    [InlineData("long", "..33", 33, "the file ends where interval 2 of tier \"phones\" should start")]
    [InlineData("long", "..34", 34, "the file ends where the xmax of interval 2 of tier \"phones\" (a number) should be")]
    [InlineData("long", "..9", 9, "the file ends where tier 1 of the 2 declared at line 7 should start")]
    [InlineData("short", "..28", 28, "the file ends where the text of interval 2 of tier \"phones\"")]
    [InlineData("long", "17=xmax = abc", 17, "found 'abc'")]
    [InlineData("long", "17=xmax = 0.4.1", 17, "found '0.4.1'")]
    [InlineData("short", "25=abc", 25, "found 'abc'")]
    [InlineData("long", "18=text = \"hi", 18, "is its closing quote missing?")]
    [InlineData("short", "32=\"unclosed", 32, "no closing quote")]
    public void Rejects_with_the_file_and_line(string form, string edits, int line, string problem)
    {
        var path = WriteCase(form, edits);

        var error = Assert.Throws<InputException>(() => TextGridReader.ReadAlignment(path));

        Assert.Equal(path, error.File);
        Assert.Equal($"line {line}", error.Location);
        Assert.Contains(problem, error.Problem);
    }

    [Theory]
    [InlineData("\"Praat chronological TextGrid text file\"\n0 1 ! Time domain.\n", "chronological")]
    [InlineData("ooBinaryFile\u0008TextGrid", "binary")]
    public void Names_the_praat_formats_it_does_not_read(string content, string problem)
    {
        var path = Path.Combine(_dir, "other.TextGrid");
        File.WriteAllText(path, content);

        var error = Assert.Throws<InputException>(() => TextGridReader.Read(path));

        Assert.Equal("line 1", error.Location);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void An_empty_file_is_not_a_textgrid()
    {
        var path = Path.Combine(_dir, "empty.TextGrid");
        File.WriteAllText(path, "");

        var error = Assert.Throws<InputException>(() => TextGridReader.Read(path));

        Assert.Equal("line 1", error.Location);
    }
}
