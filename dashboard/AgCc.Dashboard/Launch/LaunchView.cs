namespace AgCc.Dashboard.Launch;

/// <summary>What the Launch page shows for the form as it stands: problems by field, the rest, the document and its CLI command.</summary>
public sealed record LaunchView(
    IReadOnlyList<string> Problems,
    IReadOnlyDictionary<LaunchField, IReadOnlyList<string>> ByField,
    IReadOnlyList<string> Unowned,
    string Document,
    string Command)
{
    public bool CanLaunch => Problems.Count == 0;

    public IReadOnlyList<string> For(LaunchField field) => ByField.TryGetValue(field, out var problems) ? problems : [];

    public bool HasProblem(LaunchField field) => ByField.ContainsKey(field);

    public static LaunchView Of(LaunchForm form)
    {
        var problems = form.Problems();
        var (byField, unowned) = LaunchFields.Assign(problems);
        string document;
        try
        {
            document = form.Document();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException)
        {
            // A value JSON cannot hold (NaN, an enum value without a name) is also a problem above; there is no document to show.
            return new LaunchView(problems, byField, unowned, $"(no document: {e.Message})", "");
        }
        return new LaunchView(problems, byField, unowned, document, LaunchCommand.Text(form.Mode, document));
    }
}
