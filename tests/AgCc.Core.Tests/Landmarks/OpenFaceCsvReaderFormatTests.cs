using System.Text;
using AgCc.Core.Landmarks;
using static AgCc.Core.Tests.Landmarks.OpenFaceTestFiles;

namespace AgCc.Core.Tests.Landmarks;

/// <summary>The text-level variations the reader accepts: separators, line ends, BOM, odd buffering.</summary>
[Trait("Category", Categories.Unit)]
public class OpenFaceCsvReaderFormatTests
{
    private static readonly string Text = WriteText(SyntheticFace.Video(10));

    [Fact]
    public void Plain_commas_CRLF_a_BOM_and_blank_lines_read_the_same_as_OpenFaces_own_text()
    {
        var reference = ReadText(Text).Values.ToArray();
        var variant = "\uFEFF" + Text.Replace(", ", ",", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n\r\n";

        Assert.Equal(reference, ReadText(variant).Values.ToArray());
    }

    [Fact]
    public void Lines_are_numbered_with_blank_lines_counted()
    {
        var lines = Text.Split('\n');
        var text = string.Join("\n", lines.Take(3)) + "\n\n" + string.Join("\n", lines.Skip(3));

        var track = ReadText(text);

        Assert.Equal(new[] { 2, 3, 5, 6 }, track.Lines[..4].ToArray());
    }

    [Fact]
    public void A_stream_that_delivers_a_few_bytes_at_a_time_reads_the_same()
    {
        var bytes = Encoding.UTF8.GetBytes(Text);
        using var trickle = new TrickleStream(bytes, 7);

        var track = OpenFaceCsvReader.Read(trickle, "trickle.csv");

        Assert.Equal(ReadText(Text).Values.ToArray(), track.Values.ToArray());
    }

    [Fact]
    public void A_row_longer_than_the_read_buffer_is_read_whole()
    {
        // An extra (ignored) column with a 1.5 MB cell on one row: bigger than the 1 MB buffer.
        var table = new Table(Text);
        for (var line = 2; line <= 11; line++) table.Set(line, "AU45_c", "0.0, " + (line == 5 ? new string('a', 1_500_000) : "x"));
        table.Set(1, "AU45_c", "AU45_c, note");

        var track = ReadText(table.ToString());

        Assert.Equal(10, track.FrameCount);
        Assert.Equal(ReadText(Text).Values.ToArray(), track.Values.ToArray());
    }

    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
    }
}
