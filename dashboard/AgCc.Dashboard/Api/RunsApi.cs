using AgCc.Client;
using AgCc.Client.Api;
using AgCc.Core.Training.Config;
using AgCc.Dashboard.Live;
using AgCc.Grains.Training;
using Microsoft.Extensions.Options;

namespace AgCc.Dashboard.Api;

/// <summary>
/// /api/v1/runs: launch (the config document `agcc run start --config` reads; idempotent by run
/// id), list (the run index: paging, sorting, filters), detail, per-epoch metrics (JSON or CSV),
/// cancel, and live events.
/// </summary>
public static class RunsApi
{
    public static RouteGroupBuilder MapRunsApi(this RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/runs").WithTags("runs");
        runs.MapPost("", LaunchAsync).WithName("launchRun")
            .WithSummary("Launch a run from a run config document; launching an equal config again answers the same run")
            .Accepts<RunConfig>("application/json")
            .Produces<RunLaunch>(StatusCodes.Status201Created).Produces<RunLaunch>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        runs.MapGet("", ListAsync).WithName("listRuns").WithSummary("A page of runs, sorted and filtered")
            .Produces<RunPage>().ProducesValidationProblem();
        runs.MapGet("/{id}", GetAsync).WithName("getRun").WithSummary("A run's state, history and result")
            .Produces<TrainingRunStatus>().ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapGet("/{id}/metrics", MetricsAsync).WithName("getRunMetrics").WithSummary("A run's finished epochs (format=json or csv)")
            .Produces<IReadOnlyList<EpochMetricsRecord>>().Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapPost("/{id}/cancel", CancelAsync).WithName("cancelRun").WithSummary("Stop a run between two training steps (launch it again to resume)")
            .Produces<TrainingRunStatus>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapGet("/{id}/events", EventsAsync).WithName("runEvents")
            .WithSummary("Server-sent events: `status` (RunSummary) on each change, `epoch` (EpochMetricsRecord) per finished epoch, `end` when the run is over")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream").ProducesProblem(StatusCodes.Status404NotFound);
        return runs;
    }

    public static Task<IResult> LaunchAsync(HttpRequest request, AgCcClient client, IOptions<ApiOptions> options, CancellationToken cancellationToken) =>
        ApiBodies.LaunchAsync(request, options.Value.MaxRequestBodyBytes, "run config", text => RunConfigJson.Parse(text, "request body"),
            client.LaunchRunOnceAsync, launch => (launch.Created, ApiRoutes.Run(launch.Id)), cancellationToken);

    public static async Task<IResult> ListAsync(
        AgCcClient client, int? offset = null, int? limit = null, string? sort = null, string? order = null,
        string? state = null, string? method = null, string? corpus = null, string? task = null, string? tag = null, string? text = null)
    {
        var problems = new List<ApiFieldProblem>();
        if (offset < 0) problems.Add(new("offset", $"must be ≥ 0 (got {offset})"));
        if (limit is < 1 or > RunQuery.MaxCount) problems.Add(new("limit", $"must be 1–{RunQuery.MaxCount} (got {limit})"));
        var sortField = ParseEnum<RunSortField>(sort, "sort", problems) ?? RunSortField.Queued;
        var runState = ParseEnum<TrainingRunState>(state, "state", problems);
        if (order is not (null or "asc" or "desc")) problems.Add(new("order", $"expected asc or desc (got '{order}')"));
        if (problems.Count > 0) return ApiProblems.Invalid("The query is invalid", problems);
        var query = new RunQuery(offset ?? 0, limit ?? RunQuery.DefaultCount, sortField, order != "asc", runState, method, corpus, task, tag, text);
        return Results.Ok(await client.QueryRunsAsync(query));
    }

    public static async Task<IResult> GetAsync(string id, AgCcClient client) =>
        await FindAsync(id, client) is { } status ? Results.Ok(status) : NoRun(id);

    public static async Task<IResult> MetricsAsync(string id, AgCcClient client, string? format = null)
    {
        if (format is not (null or "json" or "csv")) return ApiProblems.Invalid("format", $"expected json or csv (got '{format}')");
        if (await FindAsync(id, client) is not { } status) return NoRun(id);
        var epochs = status.History.OrderBy(h => h.Epoch).ToList();
        return format == "csv" ? Results.Text(RunMetricsCsv.Write(epochs), "text/csv; charset=utf-8") : Results.Ok(epochs);
    }

    public static async Task<IResult> CancelAsync(string id, AgCcClient client)
    {
        if (await FindAsync(id, client) is null) return NoRun(id);
        await client.CancelRunAsync(id);
        return Results.Accepted(ApiRoutes.Run(id), await client.GetRunStatusAsync(id));
    }

    public static async Task<IResult> EventsAsync(
        string id, AgCcClient client, RunUpdates updates, IOptions<ApiOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, client) is null) return NoRun(id);
        var events = ServerSentEvents.ForRun(id, client, updates, options.Value.RunPollFallback, json.Value.SerializerOptions, cancellationToken);
        return TypedResults.ServerSentEvents(events);
    }

    /// <summary>The run's status, or null for an id never launched (or one that cannot be an id).</summary>
    private static async Task<TrainingRunStatus?> FindAsync(string id, AgCcClient client)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > RunConfig.MaxIdLength) return null;
        var status = await client.GetRunStatusAsync(id);
        return status.Exists ? status : null;
    }

    private static IResult NoRun(string id) => ApiProblems.NotFound($"there is no run '{id}'");

    /// <summary>An enum from its kebab-case name (`best-development-uar`) or its own name, any case; null when absent.</summary>
    internal static T? ParseEnum<T>(string? value, string field, List<ApiFieldProblem> problems) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Enum.TryParse<T>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(value[0]))
            return parsed;
        problems.Add(new(field, $"expected one of {string.Join(", ", Enum.GetNames<T>().Select(n => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(n)))} (got '{value}')"));
        return null;
    }
}
