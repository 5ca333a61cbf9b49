using System.Text.Json;

namespace AgCc.LocalStack;

/// <summary>
/// Where a running local stack is, written by `agcc up` to `AGCC_HOME/stack.json` (git-ignored),
/// so `agcc` commands in another terminal find it without flags.
/// </summary>
public sealed record StackState(
    string StorageConnectionString,
    string ClusterId,
    string ServiceId,
    string DashboardUrl,
    int LauncherPid,
    IReadOnlyList<int> Pids,
    DateTimeOffset StartedAt)
{
    public const string FileName = "stack.json";

    public static string PathIn(string home) => Path.Combine(home, FileName);

    public void Save(string home)
    {
        Directory.CreateDirectory(home);
        var path = PathIn(home);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, JsonDefaults.Options));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The recorded stack, or null when none is recorded or its launcher is gone.</summary>
    public static StackState? TryLoad(string home)
    {
        var path = PathIn(home);
        if (!File.Exists(path)) return null;
        var state = JsonSerializer.Deserialize<StackState>(File.ReadAllText(path), JsonDefaults.Options);
        return state is not null && ManagedProcess.IsRunning(state.LauncherPid) ? state : null;
    }

    public static void Delete(string home) => File.Delete(PathIn(home));
}
