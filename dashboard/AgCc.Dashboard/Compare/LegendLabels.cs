namespace AgCc.Dashboard.Compare;

/// <summary>
/// Short legend labels for the compared runs' curves: run ids share long parts (method, task,
/// corpora), so a label keeps what tells the ids apart — the '-'-separated parts between their
/// common beginning and common end — cut to <see cref="MaxLength"/> characters. The full id stays
/// in the label's tooltip and in the results' column headers.
/// </summary>
public static class LegendLabels
{
    public const int MaxLength = 24;

    /// <summary>Each id's label, by id.</summary>
    public static IReadOnlyDictionary<string, string> Of(IReadOnlyList<string> ids)
    {
        var parts = ids.Distinct(StringComparer.Ordinal).Select(id => (Id: id, Parts: id.Split('-'))).ToList();
        var (prefix, suffix) = parts.Count < 2 ? (0, 0) : Common(parts.Select(p => p.Parts).ToList());
        return parts.ToDictionary(p => p.Id, p =>
        {
            var middle = string.Join('-', p.Parts[prefix..(p.Parts.Length - suffix)]);
            return Cut(middle.Length == 0 ? p.Id : middle);
        }, StringComparer.Ordinal);
    }

    /// <summary>How many leading and trailing parts every id shares, leaving each at least one part of its own.</summary>
    private static (int Prefix, int Suffix) Common(IReadOnlyList<string[]> all)
    {
        var shortest = all.Min(p => p.Length);
        var prefix = 0;
        while (prefix < shortest - 1 && all.All(p => p[prefix] == all[0][prefix])) prefix++;
        var suffix = 0;
        while (prefix + suffix < shortest - 1 && all.All(p => p[^(suffix + 1)] == all[0][^(suffix + 1)])) suffix++;
        return (prefix, suffix);
    }

    private static string Cut(string label) => label.Length <= MaxLength ? label : label[..(MaxLength - 1)] + "…";
}
