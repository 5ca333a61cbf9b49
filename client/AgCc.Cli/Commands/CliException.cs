namespace AgCc.Cli.Commands;

/// <summary>A failure the user can act on: printed as one line, exit code 1, no stack trace.</summary>
public sealed class CliException(string message) : Exception(message);
