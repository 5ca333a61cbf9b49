using System.Globalization;
using System.Text;
using AgCc.Core.Landmarks;

namespace AgCc.Core.Tests.Landmarks;

/// <summary>Fixture paths, expected tracks, and CSVs built or edited in memory.</summary>
internal static class OpenFaceTestFiles
{
    public static string Fixture(string name) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "Landmarks", name);

    /// <summary>A track as the fixture script computed it: frame, timestamp, status, 40 values (NaN in gaps).</summary>
    public static List<(int Frame, double Timestamp, FrameStatus Status, double[] Values)> Expected(string name)
    {
        var rows = new List<(int, double, FrameStatus, double[])>();
        foreach (var line in File.ReadLines(Fixture(name)).Skip(1))
        {
            var cells = line.Split(',');
            var values = cells[3..].Select(c => c == "nan" ? double.NaN : double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            rows.Add((int.Parse(cells[0], CultureInfo.InvariantCulture), double.Parse(cells[1], CultureInfo.InvariantCulture),
                Enum.Parse<FrameStatus>(cells[2]), values));
        }

        return rows;
    }

    public static MouthTrack ReadText(string text, string name = "test.csv", OpenFaceReadOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return OpenFaceCsvReader.Read(stream, name, options);
    }

    public static string WriteText(IReadOnlyList<OpenFaceFrame> frames, OpenFaceCsvWriterOptions? options = null)
    {
        using var stream = new MemoryStream();
        OpenFaceCsvWriter.Write(stream, frames, options);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static MouthTrack RoundTrip(IReadOnlyList<OpenFaceFrame> frames, OpenFaceReadOptions? read = null, int landmarkDecimals = 4) =>
        ReadText(WriteText(frames, new OpenFaceCsvWriterOptions { LandmarkDecimals = landmarkDecimals }), options: read);

    /// <summary>
    /// A CSV as lines of cells (split at ","; blanks kept so the text comes back as it was), for
    /// editing one cell or column by header name.
    /// </summary>
    public sealed class Table
    {
        private readonly List<List<string>> lines;
        private readonly string separator;

        public Table(string text)
        {
            separator = text.Contains(", ", StringComparison.Ordinal) ? ", " : ",";
            lines = text.TrimEnd('\n').Split('\n').Select(l => l.Split(separator).ToList()).ToList();
        }

        /// <summary>Sets the cell of a column on a 1-based line (line 1 is the header).</summary>
        public Table Set(int line, string column, string value)
        {
            lines[line - 1][Index(column)] = value;
            return this;
        }

        public string Get(int line, string column) => lines[line - 1][Index(column)];

        public Table RemoveColumn(string column)
        {
            var i = Index(column);
            foreach (var l in lines) l.RemoveAt(i);
            return this;
        }

        public Table Truncate(int line, int cells)
        {
            lines[line - 1].RemoveRange(cells, lines[line - 1].Count - cells);
            return this;
        }

        public override string ToString() => string.Join("\n", lines.Select(l => string.Join(separator, l))) + "\n";

        private int Index(string column) => lines[0].IndexOf(column) is var i and >= 0 ? i : throw new ArgumentException(column);
    }
}
