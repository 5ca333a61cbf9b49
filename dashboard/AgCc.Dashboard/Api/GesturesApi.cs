using AgCc.Client;
using AgCc.Client.Api;
using AgCc.Grains.Gestures;

namespace AgCc.Dashboard.Api;

/// <summary>/api/v1/gestures: the gesture clusterings, and one with its progress, result and per-cluster statistics.</summary>
public static class GesturesApi
{
    public static RouteGroupBuilder MapGesturesApi(this RouteGroupBuilder api)
    {
        var gestures = api.MapGroup("/gestures").WithTags("gestures");
        gestures.MapGet("", async (AgCcClient client) => Results.Ok(await client.ListGestureClusteringsAsync()))
            .WithName("listGestureClusterings").WithSummary("Every gesture clustering ever started").Produces<IReadOnlyList<GestureClusteringStatus>>();
        gestures.MapGet("/{name}", GetAsync).WithName("getGestureClustering")
            .WithSummary("A clustering's progress and, once completed, its inertia, centres and cluster × emotion × corpus statistics")
            .Produces<GestureClusteringDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        return gestures;
    }

    public static async Task<IResult> GetAsync(string name, AgCcClient client) =>
        await client.GetGestureClusteringDetailAsync(name) is { } detail
            ? Results.Ok(detail)
            : ApiProblems.NotFound($"there is no gesture clustering '{name}'");
}
