namespace AgCc.LocalStack;

/// <summary>Where the repository's parts are, found from the running binary (or AGCC_REPO).</summary>
public static class RepositoryLayout
{
    public const string SolutionFile = "AgCc.Orleans.sln";

    public static string Root { get; } = FindRoot();

    public static string AzuriteFolder => Path.Combine(Root, "deploy", "azurite");

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("AGCC_REPO") is { Length: > 0 } given) return Path.GetFullPath(given);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        }
        throw new InvalidOperationException(
            $"cannot find {SolutionFile} above {AppContext.BaseDirectory}; set AGCC_REPO to the repository root");
    }
}
