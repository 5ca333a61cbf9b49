namespace AgCc.Integration.Tests;

[Trait("Category", Categories.Integration)]
public sealed class CliTests : IDisposable
{
    private readonly Cli cli = new(Directory.CreateTempSubdirectory("agcc-cli-").FullName);

    [Fact]
    public async Task Help_lists_every_command()
    {
        var (exitCode, output, _) = await cli.RunAsync("--help");

        Assert.Equal(0, exitCode);
        foreach (var command in new[] { "up", "demo", "corpus", "cluster" })
        {
            Assert.Matches($@"(?m)^\s+{command}\s+\S", output);
        }
    }

    [Theory]
    [InlineData("corpus", "add")]
    [InlineData("corpus", "list")]
    [InlineData("cluster", "status")]
    [InlineData("up")]
    public async Task Every_command_has_help(params string[] command)
    {
        var (exitCode, output, _) = await cli.RunAsync([.. command, "--help"]);

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", output);
        Assert.Contains($"agcc {string.Join(' ', command)}", output);
    }

    [Fact]
    public async Task Bad_arguments_are_named_before_anything_connects()
    {
        var (exitCode, _, errors) = await cli.RunAsync("corpus", "add", "Bad_Name", "--layout", "iemocap", "--path", "/no/such/dir");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("'iemocap'", errors);
        Assert.Contains("/no/such/dir", errors);
        Assert.Contains("corpus name 'Bad_Name'", errors);
    }

    [Fact]
    public async Task A_bad_gesture_spec_names_each_option_at_fault_before_connecting()
    {
        var (exitCode, _, errors) = await cli.RunAsync("gestures", "fit", "g", "--corpora", "a,a", "--k", "0", "--tol", "-1", "--tau", "0");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--corpora: a corpus is named twice", errors);
        Assert.Contains("--k: must be at least 1", errors);
        Assert.Contains("--tol: must be ≥ 0", errors);
        Assert.Contains("--tau: must be a positive number", errors);
        Assert.DoesNotContain("running stack", errors);
    }

    [Fact]
    public async Task Without_a_running_stack_commands_say_how_to_start_one()
    {
        var (exitCode, _, errors) = await cli.RunAsync("corpus", "list");

        Assert.Equal(1, exitCode);
        Assert.Contains("no running stack", errors);
        Assert.Contains("./agcc up", errors);
    }

    public void Dispose() => Directory.Delete(cli.Home, recursive: true);
}
