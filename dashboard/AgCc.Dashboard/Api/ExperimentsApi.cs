using AgCc.Client;
using AgCc.Client.Api;
using AgCc.Core.Experiments;
using AgCc.Core.Experiments.Results;
using AgCc.Core.Training.Config;
using AgCc.Grains.Experiments;
using Microsoft.Extensions.Options;

namespace AgCc.Dashboard.Api;

/// <summary>
/// /api/v1/experiments: start (the document `agcc experiment start --config` reads; idempotent by
/// name), list, status, results (the CLI's JSON, CSV or Markdown), cancel and live events.
/// </summary>
public static class ExperimentsApi
{
    public static RouteGroupBuilder MapExperimentsApi(this RouteGroupBuilder api)
    {
        var experiments = api.MapGroup("/experiments").WithTags("experiments");
        experiments.MapPost("", StartAsync).WithName("startExperiment")
            .WithSummary("Start an experiment grid from an experiment config document; starting an equal config again answers the same experiment")
            .Accepts<ExperimentConfig>("application/json")
            .Produces<ExperimentLaunch>(StatusCodes.Status201Created).Produces<ExperimentLaunch>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        experiments.MapGet("", async (AgCcClient client) => Results.Ok(await client.ListExperimentsAsync()))
            .WithName("listExperiments").WithSummary("Every experiment ever started").Produces<IReadOnlyList<ExperimentStatus>>();
        experiments.MapGet("/{name}", GetAsync).WithName("getExperiment").WithSummary("An experiment's stage and every run's outcome")
            .Produces<ExperimentStatus>().ProducesProblem(StatusCodes.Status404NotFound);
        experiments.MapGet("/{name}/results", ResultsAsync).WithName("getExperimentResults")
            .WithSummary("The results table so far (format=json, csv or md: the text `agcc experiment results --format` writes)")
            .Produces<ExperimentTable>().Produces<string>(StatusCodes.Status200OK, "text/csv", "text/markdown")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        experiments.MapPost("/{name}/cancel", CancelAsync).WithName("cancelExperiment").WithSummary("Cancel the runs that have not ended")
            .Produces<ExperimentStatus>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound);
        experiments.MapGet("/{name}/events", EventsAsync).WithName("experimentEvents")
            .WithSummary("Server-sent events: `status` (ExperimentStatus) on each change, `end` when it is over (read every second)")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream").ProducesProblem(StatusCodes.Status404NotFound);
        return experiments;
    }

    public static Task<IResult> StartAsync(HttpRequest request, AgCcClient client, IOptions<ApiOptions> options, CancellationToken cancellationToken) =>
        ApiBodies.LaunchAsync(request, options.Value.MaxRequestBodyBytes, "experiment config", text => ExperimentConfigJson.Parse(text, "request body"),
            client.StartExperimentOnceAsync, started => (started.Created, ApiRoutes.Experiment(started.Name)), cancellationToken);

    public static async Task<IResult> GetAsync(string name, AgCcClient client) =>
        await FindAsync(name, client) is { } status ? Results.Ok(status) : NoExperiment(name);

    public static async Task<IResult> ResultsAsync(string name, AgCcClient client, string? format = null)
    {
        format ??= "json";
        if (!ExperimentTableFormats.Names.Contains(format))
            return ApiProblems.Invalid("format", $"expected {string.Join(", ", ExperimentTableFormats.Names)} (got '{format}')");
        if (await FindAsync(name, client) is not { } status) return NoExperiment(name);
        var text = ExperimentTableFormats.Write(AgCcClient.Results(status), format);
        var type = format switch { "json" => "application/json", "csv" => "text/csv", _ => "text/markdown" };
        return Results.Text(text, $"{type}; charset=utf-8");
    }

    public static async Task<IResult> CancelAsync(string name, AgCcClient client)
    {
        if (await FindAsync(name, client) is null) return NoExperiment(name);
        await client.CancelExperimentAsync(name);
        return Results.Accepted(ApiRoutes.Experiment(name), await client.GetExperimentStatusAsync(name));
    }

    public static async Task<IResult> EventsAsync(
        string name, AgCcClient client, IOptions<ApiOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, client) is null) return NoExperiment(name);
        return TypedResults.ServerSentEvents(
            ServerSentEvents.ForExperiment(name, client, options.Value.ExperimentPollInterval, json.Value.SerializerOptions, cancellationToken));
    }

    private static async Task<ExperimentStatus?> FindAsync(string name, AgCcClient client)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var status = await client.GetExperimentStatusAsync(name);
        return status.Exists ? status : null;
    }

    private static IResult NoExperiment(string name) => ApiProblems.NotFound($"there is no experiment '{name}'");
}
