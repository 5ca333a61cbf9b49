using AgCc.Client;
using AgCc.Core.Experiments.Results;

namespace AgCc.Dashboard.Experiments;

/// <summary>
/// An experiment's results table as a download, in the formats `agcc experiment results --format`
/// writes (the same function, so the files equal the CLI's): `/experiments/{name}/results.md`,
/// `.csv`, `.json`. 404 for a name never started.
/// </summary>
public static class ExperimentExportEndpoints
{
    public const string Route = "/experiments/{name}/results.{format}";

    public static string Link(string name, string format) => $"/experiments/{Uri.EscapeDataString(name)}/results.{format}";

    public static IEndpointRouteBuilder MapExperimentExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, GetAsync).WithName("experiment-results");
        return endpoints;
    }

    public static async Task<IResult> GetAsync(string name, string format, AgCcClient client)
    {
        if (!ExperimentTableFormats.Names.Contains(format))
            return Results.Text($"unknown format '{format}': expected {string.Join(", ", ExperimentTableFormats.Names)}", "text/plain", statusCode: StatusCodes.Status404NotFound);
        var status = await client.GetExperimentStatusAsync(name);
        if (!status.Exists) return Results.Text($"no experiment '{name}' was started", "text/plain", statusCode: StatusCodes.Status404NotFound);
        var text = ExperimentTableFormats.Write(AgCcClient.Results(status), format);
        var type = format switch { "json" => "application/json", "csv" => "text/csv", _ => "text/markdown" };
        return Results.File(System.Text.Encoding.UTF8.GetBytes(text), $"{type}; charset=utf-8", $"{name}-results.{format}");
    }
}
