using System.Text.Json;

namespace AgCc.Cli.Commands;

public static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
