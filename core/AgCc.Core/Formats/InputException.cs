namespace AgCc.Core.Formats;

/// <summary>
/// Bad input, named precisely: the file, where in it (a line, a column, a chunk, a field) and
/// what was expected. Readers throw it; batch code records it as the item's rejection reason and
/// goes on with the rest.
/// </summary>
public sealed class InputException(string file, string? location, string problem, Exception? inner = null)
    : Exception(Format(file, location, problem), inner)
{
    public string File { get; } = file;

    /// <summary>`line 12`, `column confidence`, `chunk fmt`, or null for the whole file.</summary>
    public string? Location { get; } = location;

    public string Problem { get; } = problem;

    private static string Format(string file, string? location, string problem) =>
        location is null ? $"{file}: {problem}" : $"{file}: {location}: {problem}";
}
