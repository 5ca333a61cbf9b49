namespace AgCc.LocalStack;

/// <summary>
/// The local stack's folder: AGCC_HOME, else `.agcc` in the repository (git-ignored). It holds
/// Azurite's data, the logs and the state file.
/// </summary>
public static class AgCcHome
{
    public static string Resolve() =>
        Environment.GetEnvironmentVariable("AGCC_HOME") is { Length: > 0 } home
            ? Path.GetFullPath(home)
            : Path.Combine(RepositoryLayout.Root, ".agcc");
}
