using AgCc.Client;
using AgCc.Core.Corpora;

namespace AgCc.Dashboard.Media;

/// <summary>Audio for the utterance view's player, read through the cluster.</summary>
public static class MediaEndpoints
{
    public const string AudioRoute = "/media/corpora/{corpus}/{utterance}.wav";

    public static IEndpointRouteBuilder MapCorpusMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(AudioRoute, GetAudioAsync).WithName("utterance-audio");
        return endpoints;
    }

    /// <summary>
    /// The utterance's WAV file, with range requests (browsers seek in media by ranges); 404 for an
    /// invalid or unknown corpus name and for an utterance that is not ingested.
    /// </summary>
    public static async Task<IResult> GetAudioAsync(string corpus, string utterance, AgCcClient client)
    {
        if (CorpusName.Problem(corpus) is not null || string.IsNullOrWhiteSpace(utterance)) return Results.NotFound();
        var bytes = await client.GetUtteranceAudioAsync(corpus, utterance);
        return bytes is null ? Results.NotFound() : Results.Bytes(bytes, "audio/wav", enableRangeProcessing: true);
    }
}
