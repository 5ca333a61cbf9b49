using AgCc.Client;
using AgCc.Client.Api;
using AgCc.Core.Corpora;
using AgCc.Grains.Corpora;

namespace AgCc.Dashboard.Api;

/// <summary>/api/v1/corpora: the registered corpora, and one with its counts and rejections.</summary>
public static class CorporaApi
{
    public static RouteGroupBuilder MapCorporaApi(this RouteGroupBuilder api)
    {
        var corpora = api.MapGroup("/corpora").WithTags("corpora");
        corpora.MapGet("", async (AgCcClient client) => Results.Ok(await client.ListCorporaAsync()))
            .WithName("listCorpora").WithSummary("Every registered corpus").Produces<IReadOnlyList<CorpusInfo>>();
        corpora.MapGet("/{name}", GetAsync).WithName("getCorpus")
            .WithSummary("A corpus: ingestion, counts per emotion and speaker, rejected and excluded utterances with reasons")
            .Produces<CorpusDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        return corpora;
    }

    public static async Task<IResult> GetAsync(string name, AgCcClient client)
    {
        // A name no corpus can have is not asked about.
        var detail = CorpusName.Problem(name) is null ? await client.GetCorpusDetailAsync(name) : null;
        return detail is null ? ApiProblems.NotFound($"there is no corpus '{name}'") : Results.Ok(detail);
    }
}
