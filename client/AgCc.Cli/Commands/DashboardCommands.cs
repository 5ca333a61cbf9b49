using System.CommandLine;
using AgCc.Hosting.Security;

namespace AgCc.Cli.Commands;

/// <summary>`agcc dashboard hash-password`: the hash the dashboard's sign-in checks a password against.</summary>
public static class DashboardCommands
{
    public static Command Create() => new("dashboard", "The dashboard's settings")
    {
        HashPassword(),
    };

    private static Command HashPassword()
    {
        var command = new Command("hash-password",
            "Read a password from standard input and print its hash for AgCc__Dashboard__SignIn__PasswordHash (with AgCc__Dashboard__SignIn__User)");
        command.SetHandler((parse, cancellationToken) =>
        {
            if (!Console.IsInputRedirected) Console.Error.Write("password: ");
            var password = Console.In.ReadLine();
            if (string.IsNullOrEmpty(password)) throw new CliException("no password on standard input (echo -n ... | agcc dashboard hash-password)");
            Console.WriteLine(PasswordHashes.Hash(password));
            return Task.CompletedTask;
        });
        return command;
    }
}
