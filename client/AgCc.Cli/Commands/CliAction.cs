using System.CommandLine;

namespace AgCc.Cli.Commands;

public static class CliAction
{
    /// <summary>
    /// Runs a command body; user errors (bad arguments, grain validation) print as `error: ...`
    /// with exit code 1 instead of a stack trace.
    /// </summary>
    public static void SetHandler(this Command command, Func<ParseResult, CancellationToken, Task> body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await body(parse, cancellationToken);
                return 0;
            }
            catch (Exception e) when (e is CliException or ArgumentException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return 1;
            }
        });
}
