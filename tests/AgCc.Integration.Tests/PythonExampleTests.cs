using AgCc.LocalStack;

namespace AgCc.Integration.Tests;

/// <summary>
/// docs/python.md's example, unchanged, with Debian's python3 against a real stack (`agcc up`):
/// it writes the demo corpora, launches a small run, follows its events to the end and prints the
/// results table it loaded into a list of dicts.
/// </summary>
[Trait("Category", Categories.Integration)]
public sealed class PythonExampleTests : IDisposable
{
    private readonly Cli cli = new(Directory.CreateTempSubdirectory("agcc-python-").FullName);

    [Fact]
    public async Task The_python_example_runs_against_a_fresh_stack_and_prints_a_results_table()
    {
        await using var up = await cli.StartAsync("running; press Ctrl-C", "up");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));

        // Found the way a user's is: AGCC_HOME's stack.json (no URL given).
        var script = Path.Combine(RepositoryLayout.Root, "docs", "python", "agcc_example.py");
        var result = await ProcessRun.RunAsync("/usr/bin/python3", [script],
            new Dictionary<string, string> { ["AGCC_HOME"] = cli.Home, ["AGCC_EPOCHS"] = "2" }, cancellationToken: timeout.Token);

        Assert.True(result.ExitCode == 0, result.Output + result.Errors);
        Assert.Contains("epoch 1: loss", result.Output);
        Assert.Contains("  completed", result.Output);
        Assert.Matches(@"(?m)^\| epoch \| loss \| development_uar \| target_uar \| seconds \|$", result.Output);
        Assert.Matches(@"(?m)^\| 2 \| [0-9.]+ \| ", result.Output);
        Assert.Matches(@"target UAR 0\.\d{3}", result.Output);

        // Run again, it finds the same run (idempotent by the config's id) and prints the same table.
        var again = await ProcessRun.RunAsync("/usr/bin/python3", [script],
            new Dictionary<string, string> { ["AGCC_HOME"] = cli.Home, ["AGCC_EPOCHS"] = "2" }, cancellationToken: timeout.Token);
        Assert.True(again.ExitCode == 0, again.Output + again.Errors);
        Assert.Contains("already there", again.Output);
        await up.InterruptAsync(TimeSpan.FromSeconds(60));
    }

    public void Dispose() => Directory.Delete(cli.Home, recursive: true);
}
