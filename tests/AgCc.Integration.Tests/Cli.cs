using System.Diagnostics;
using AgCc.LocalStack;

namespace AgCc.Integration.Tests;

/// <summary>Runs the built `agcc` CLI as a user would, with its own AGCC_HOME.</summary>
public sealed class Cli(string home)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    public string Home => home;

    public static string Assembly =>
        StackBinaries.Load().Cli is { Length: > 0 } cli ? cli : throw new InvalidOperationException("agcc.binaries.json names no CLI");

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["AGCC_HOME"] = home,
        ["AGCC_REPO"] = RepositoryLayout.Root,
    };

    public async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(StackBinaries.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Assembly);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in Environment) start.Environment[key] = value;
        // Not inherited from a developer's shell: commands must find the stack through AGCC_HOME.
        start.Environment.Remove("AgCc__Storage__ConnectionString");

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>Starts a long-running command (`up`, `demo`) and waits until it says it runs.</summary>
    public async Task<ManagedProcess> StartAsync(string readyText, params string[] arguments)
    {
        var process = ManagedProcess.Start(
            $"agcc {arguments[0]}", StackBinaries.DotnetHost, [Assembly, .. arguments], Environment,
            Path.Combine(home, "logs", $"agcc-{arguments[0]}.log"), line => line.Contains(readyText, StringComparison.Ordinal));
        try
        {
            await process.WaitReadyAsync(TimeSpan.FromMinutes(3));
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
