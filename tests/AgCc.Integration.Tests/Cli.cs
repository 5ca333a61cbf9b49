using AgCc.LocalStack;

namespace AgCc.Integration.Tests;

/// <summary>Runs the built `agcc` CLI as a user would, with its own AGCC_HOME (and <paramref name="settings"/>, environment variables such as a sign-in).</summary>
public sealed class Cli(string home, IReadOnlyDictionary<string, string>? settings = null)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    public string Home => home;

    public static string Assembly =>
        StackBinaries.Load().Cli is { Length: > 0 } cli ? cli : throw new InvalidOperationException("agcc.binaries.json names no CLI");

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
    {
        ["AGCC_HOME"] = home,
        ["AGCC_REPO"] = RepositoryLayout.Root,
    };

    public async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        // A developer's own AgCc__Storage__ConnectionString is blanked: commands must find the
        // stack through AGCC_HOME, as a user's would.
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var environment = new Dictionary<string, string>(Environment) { ["AgCc__Storage__ConnectionString"] = "" };
        return await ProcessRun.RunAsync(StackBinaries.DotnetHost, [Assembly, .. arguments], environment, cancellationToken: timeout.Token);
    }

    /// <summary>
    /// Starts a long-running command (`up`, `demo`) and waits until it says it runs. Through `env
    /// --default-signal=INT`: a test run started in the background (a CI job, `cmd &`) inherits
    /// SIGINT ignored, and .NET leaves an ignored SIGINT ignored, so the tests' Ctrl-C would never
    /// arrive; a user's terminal gives the command the default disposition, as this does.
    /// </summary>
    public async Task<ManagedProcess> StartAsync(string readyText, params string[] arguments)
    {
        var process = ManagedProcess.Start(
            $"agcc {arguments[0]}", "/usr/bin/env", ["--default-signal=INT", StackBinaries.DotnetHost, Assembly, .. arguments], Environment,
            Path.Combine(home, "logs", $"agcc-{arguments[0]}.log"), line => line.Contains(readyText, StringComparison.Ordinal));
        try
        {
            await process.WaitReadyAsync(TimeSpan.FromMinutes(6)); // `demo` builds nothing but ingests and fits first
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
