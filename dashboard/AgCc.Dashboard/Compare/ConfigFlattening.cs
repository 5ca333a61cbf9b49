using System.Text.Json;

namespace AgCc.Dashboard.Compare;

/// <summary>One leaf of a config document: its dotted path (`training.epochs`, `model.hidden[1]`) and its value as shown.</summary>
public readonly record struct ConfigEntry(string Path, string Value);

/// <summary>
/// Flattens a JSON document into dotted paths, in document order: an object's members as
/// `parent.name`, an array's items as `parent[i]`; strings bare, numbers as written, `true`,
/// `false`, `null`; an empty object or array is one leaf, `{}` or `[]`.
/// </summary>
public static class ConfigFlattening
{
    public static IReadOnlyList<ConfigEntry> Flatten(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        return Flatten(document.RootElement);
    }

    public static IReadOnlyList<ConfigEntry> Flatten(JsonElement root)
    {
        var entries = new List<ConfigEntry>();
        Walk(root, "", entries);
        return entries;
    }

    private static void Walk(JsonElement element, string path, List<ConfigEntry> entries)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var any = false;
                foreach (var member in element.EnumerateObject())
                {
                    any = true;
                    Walk(member.Value, path.Length == 0 ? member.Name : $"{path}.{member.Name}", entries);
                }
                if (!any) entries.Add(new ConfigEntry(path, "{}"));
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray()) Walk(item, $"{path}[{i++}]", entries);
                if (i == 0) entries.Add(new ConfigEntry(path, "[]"));
                break;
            case JsonValueKind.String:
                entries.Add(new ConfigEntry(path, element.GetString() ?? ""));
                break;
            case JsonValueKind.True:
                entries.Add(new ConfigEntry(path, "true"));
                break;
            case JsonValueKind.False:
                entries.Add(new ConfigEntry(path, "false"));
                break;
            case JsonValueKind.Null:
                entries.Add(new ConfigEntry(path, "null"));
                break;
            default:
                entries.Add(new ConfigEntry(path, element.GetRawText()));
                break;
        }
    }
}

/// <summary>One path of the compared configs: its value in each run's column (null: the run's config lacks it, or there is no run).</summary>
public sealed record ConfigRow(string Path, IReadOnlyList<string?> Values, bool Differs);

/// <summary>The path × run table of the compare page.</summary>
public static class ConfigDifferences
{
    /// <summary>
    /// One row per path of any config, in the first config's order with paths only later configs
    /// have after those; a row differs when the configs present (a null column is a run that does
    /// not exist, and counts for nothing) do not all have the same value, a missing path included.
    /// </summary>
    public static IReadOnlyList<ConfigRow> Rows(IReadOnlyList<IReadOnlyList<ConfigEntry>?> configs)
    {
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var maps = new Dictionary<string, string>?[configs.Count];
        for (var c = 0; c < configs.Count; c++)
        {
            if (configs[c] is not { } entries) continue;
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (path, value) in entries)
            {
                map[path] = value;
                if (seen.Add(path)) order.Add(path);
            }
            maps[c] = map;
        }

        var present = maps.Where(m => m is not null).ToArray();
        return [.. order.Select(path =>
        {
            var values = maps.Select(m => m is not null && m.TryGetValue(path, out var v) ? v : null).ToArray();
            var known = present.Select(m => m!.TryGetValue(path, out var v) ? v : null).ToArray();
            var differs = known.Length > 1 && known.Any(v => !string.Equals(v, known[0], StringComparison.Ordinal));
            return new ConfigRow(path, values, differs);
        })];
    }

    /// <summary>The rows shown: all, or only those that differ.</summary>
    public static IReadOnlyList<ConfigRow> Visible(IReadOnlyList<ConfigRow> rows, bool onlyDifferences) =>
        onlyDifferences ? [.. rows.Where(r => r.Differs)] : rows;
}
