namespace AgCc.Core.Formats;

/// <summary>
/// Splits one line of RFC 4180 CSV: commas, optional spaces after them, double-quoted fields
/// with doubled quotes inside. Label and manifest files are small; this favours clear errors
/// over speed (the landmark reader has its own byte-level parser).
/// </summary>
public static class CsvLines
{
    /// <summary>The fields of <paramref name="line"/>, or null when a quoted field is not closed.</summary>
    public static List<string>? Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] == ' ') i++; // ", " separators as OpenFace-era tools write them
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length) return null;
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(line[i++]);
                }
                while (i < line.Length && line[i] != ',') i++; // text after a closing quote is ignored
            }
            else
            {
                var start = i;
                while (i < line.Length && line[i] != ',') i++;
                field.Append(line.AsSpan(start, i - start).TrimEnd());
            }
            fields.Add(field.ToString());
            field.Clear();
            if (i >= line.Length) return fields;
            i++; // the comma
        }
    }
}
