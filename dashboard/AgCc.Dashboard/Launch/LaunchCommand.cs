namespace AgCc.Dashboard.Launch;

/// <summary>
/// The form's document as a shell command a user can paste: a quoted heredoc writes the JSON to a
/// file (nothing in it is expanded), then `./agcc run start` / `./agcc experiment start` launches it.
/// </summary>
public static class LaunchCommand
{
    public const string Delimiter = "EOF";

    public static string FileName(LaunchMode mode) => mode == LaunchMode.Run ? "run.json" : "experiment.json";

    public static string StartCommand(LaunchMode mode) =>
        mode == LaunchMode.Run ? $"./agcc run start --config {FileName(mode)}" : $"./agcc experiment start --config {FileName(mode)}";

    /// <summary>`cat > run.json &lt;&lt;'EOF'`, the document, `EOF`, then the start command.</summary>
    public static string Text(LaunchMode mode, string document)
    {
        var json = document.ReplaceLineEndings("\n").TrimEnd('\n');
        return $"cat > {FileName(mode)} <<'{Delimiter}'\n{json}\n{Delimiter}\n{StartCommand(mode)}\n";
    }

    /// <summary>The document a command of <see cref="Text"/> writes (what the shell's heredoc would), or null when it holds none.</summary>
    public static string? Document(string command)
    {
        var lines = command.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("cat > ", StringComparison.Ordinal) && l.EndsWith($"<<'{Delimiter}'", StringComparison.Ordinal));
        if (start < 0) return null;
        var end = Array.FindIndex(lines, start + 1, l => l == Delimiter);
        return end < 0 ? null : string.Join("\n", lines[(start + 1)..end]) + "\n";
    }
}
