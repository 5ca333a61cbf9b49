using System.CommandLine;
using AgCc.Core.Training.Config;

namespace AgCc.Cli.Commands;

public static class CliAction
{
    /// <summary>
    /// Runs a command body; user errors (bad arguments, grain validation, a run config's problems) print as `error: ...`
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
            catch (Exception e) when (e is CliException or ArgumentException or InvalidOperationException or ConfigException)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return 1;
            }
        });
}
