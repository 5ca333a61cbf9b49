using System.Globalization;
using System.Text;
using AgCc.Core.Formats;

namespace AgCc.Core.Gestures;

/// <summary>
/// The time-series CSV: header <c>series_id,frame,f0,...,f{d-1}</c>, one row a frame. Frames of a
/// series must come in order from 0 (series may interleave). Series come back in series_id order:
/// numeric when every id is an integer, ordinal otherwise. Values are written shortest-round-trip.
/// </summary>
public static class TimeSeriesCsv
{
    public static TimeSeriesSet Read(string path)
    {
        using var reader = OpenReader(path);
        return Read(reader, path);
    }

    private static StreamReader OpenReader(string path)
    {
        try
        {
            return new StreamReader(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, null, $"cannot be read: {e.Message}", e);
        }
    }

    public static TimeSeriesSet Read(TextReader reader, string file)
    {
        var header = reader.ReadLine() ?? throw new InputException(file, "line 1", "empty file: expected the header series_id,frame,f0,...");
        var names = header.Split(',').Select(h => h.Trim()).ToArray();
        if (names.Length < 3 || names[0] != "series_id" || names[1] != "frame")
            throw new InputException(file, "line 1", $"expected the header series_id,frame,f0,...,f{{d-1}}, got '{Truncate(header)}'");
        var d = names.Length - 2;
        for (var k = 0; k < d; k++)
            if (names[k + 2] != $"f{k}")
                throw new InputException(file, $"line 1, column {k + 3}", $"expected 'f{k}', got '{names[k + 2]}'");

        var frames = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var order = new List<string>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.AsSpan().Trim().IsEmpty) continue;
            var fields = line.Split(',');
            if (fields.Length != names.Length)
                throw new InputException(file, $"line {lineNumber}", $"expected {names.Length} fields, got {fields.Length}");
            var id = fields[0].Trim();
            if (id.Length == 0) throw new InputException(file, $"line {lineNumber}, column series_id", "empty series_id");
            if (!frames.TryGetValue(id, out var values))
            {
                frames[id] = values = [];
                order.Add(id);
            }
            if (!int.TryParse(fields[1].AsSpan().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var frame))
                throw new InputException(file, $"line {lineNumber}, column frame", $"'{fields[1]}' is not an integer");
            var expected = values.Count / d;
            if (frame != expected)
                throw new InputException(file, $"line {lineNumber}, column frame", $"series {id}: expected frame {expected}, got {frame} (frames must run 0, 1, 2, ... in order)");
            for (var k = 0; k < d; k++)
            {
                if (!double.TryParse(fields[k + 2].AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                    throw new InputException(file, $"line {lineNumber}, column f{k}", $"'{fields[k + 2]}' is not a finite number");
                values.Add(value);
            }
        }
        if (order.Count == 0) throw new InputException(file, null, "no series: the file has a header but no rows");

        var numeric = order.All(id => long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out _));
        var sorted = numeric
            ? order.OrderBy(id => long.Parse(id, CultureInfo.InvariantCulture)).ToList()
            : order.OrderBy(id => id, StringComparer.Ordinal).ToList();
        if (numeric && sorted.Select(id => long.Parse(id, CultureInfo.InvariantCulture)).Distinct().Count() != sorted.Count)
            throw new InputException(file, "column series_id", "two ids name the same number (e.g. 1 and 01)");
        var series = sorted.Select(id => new TimeSeries(frames[id].Count / d, d, [.. frames[id]])).ToList();
        return new TimeSeriesSet(sorted, series, d);
    }

    public static void Write(string path, IReadOnlyList<string> ids, IReadOnlyList<TimeSeries> series)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        Write(writer, ids, series);
    }

    public static void Write(TextWriter writer, IReadOnlyList<string> ids, IReadOnlyList<TimeSeries> series)
    {
        if (ids.Count != series.Count) throw new ArgumentException("one id per series");
        if (series.Count == 0) throw new ArgumentException("no series to write");
        var d = series[0].Dimensions;
        var line = new StringBuilder("series_id,frame");
        for (var k = 0; k < d; k++) line.Append(",f").Append(k.ToString(CultureInfo.InvariantCulture));
        writer.WriteLine(line);
        for (var s = 0; s < series.Count; s++)
        {
            if (series[s].Dimensions != d) throw new ArgumentException("series differ in dimensions");
            for (var t = 0; t < series[s].Length; t++)
            {
                line.Clear().Append(ids[s]).Append(',').Append(t.ToString(CultureInfo.InvariantCulture));
                foreach (var value in series[s].Frame(t)) line.Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture));
                writer.WriteLine(line);
            }
        }
    }

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "...";
}
