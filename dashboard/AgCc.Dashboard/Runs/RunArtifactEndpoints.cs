using AgCc.Artifacts;
using AgCc.Grains.Training;

namespace AgCc.Dashboard.Runs;

/// <summary>
/// A run's blobs for download: its last checkpoint and its best model (<see cref="TrainingArtifacts"/>
/// names), read from the artifact store the silos write to. 404 with a sentence when there is none.
/// </summary>
public static class RunArtifactEndpoints
{
    public const string CheckpointRoute = "/runs/{id}/checkpoint";

    public const string BestModelRoute = "/runs/{id}/best-model";

    public static IEndpointRouteBuilder MapRunArtifacts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CheckpointRoute, GetCheckpointAsync).WithName("run-checkpoint");
        endpoints.MapGet(BestModelRoute, GetBestModelAsync).WithName("run-best-model");
        return endpoints;
    }

    public static Task<IResult> GetCheckpointAsync(string id, IArtifactStore artifacts, CancellationToken cancellationToken) =>
        GetAsync(id, artifacts, TrainingArtifacts.Checkpoint, "checkpoint", "a checkpoint is written after every epoch", cancellationToken);

    public static Task<IResult> GetBestModelAsync(string id, IArtifactStore artifacts, CancellationToken cancellationToken) =>
        GetAsync(id, artifacts, TrainingArtifacts.BestModel, "best-model", "the best model is written when the run completes", cancellationToken);

    private static async Task<IResult> GetAsync(
        string id, IArtifactStore artifacts, Func<string, string> name, string what, string when, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > Core.Training.Config.RunConfig.MaxIdLength || id.Contains('/') || id.Contains('\\') || id.Contains(".."))
            return Results.Text($"'{id}' is not a run id", "text/plain", statusCode: StatusCodes.Status404NotFound);
        var bytes = await artifacts.ReadAsync(name(id), cancellationToken);
        if (bytes is null)
            return Results.Text($"run '{id}' has no {what.Replace('-', ' ')} ({when})", "text/plain", statusCode: StatusCodes.Status404NotFound);
        return Results.File(bytes, "application/octet-stream", $"{id}-{what}.bin");
    }
}
