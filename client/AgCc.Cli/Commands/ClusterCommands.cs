using System.CommandLine;
using System.Text.Json;

namespace AgCc.Cli.Commands;

public static class ClusterCommands
{
    public static Command Create() => new("cluster", "Inspect the Orleans cluster") { Status() };

    private static Command Status()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var command = new Command("status", "List the live silos with their role and device") { json };
        command.SetHandler(async (parse, cancellationToken) =>
        {
            await using var client = await ConnectionOptions.ConnectAsync(parse, cancellationToken);
            var status = await client.GetClusterStatusAsync();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(status, CliJson.Options));
                return;
            }
            Console.WriteLine(TextTable.Format(
                ["SILO", "ROLE", "DEVICE", "STATUS", "ADDRESS", "STARTED"],
                status.Silos.Select(s => (IReadOnlyList<string>)[s.Name, s.Role, s.Device, s.Status, s.Address, s.StartedAt.ToString("u")])));
        });
        return command;
    }
}
