using System.Text;
using AgCc.Core.Training.Config;

namespace AgCc.Dashboard.Api;

/// <summary>Reads a request body as text up to the configured limit (any content type: `curl -d` and urllib send form types by default).</summary>
public static class ApiBodies
{
    public static async Task<(string? Text, IResult? Problem)> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return (null, ApiProblems.TooLarge(limit));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            // Counted as it arrives: a chunked body states no length.
            if (buffer.Length + read > limit) return (null, ApiProblems.TooLarge(limit));
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, ApiProblems.Invalid(ApiProblems.Body, "the body is not UTF-8 text"));
        }
    }

    /// <summary>
    /// A launch from a config document in the body: 400 naming every problem, 201 with its location
    /// when this call created it, 200 when the same config was there, 409 for another config under
    /// the same name. One way for runs and experiments.
    /// </summary>
    public static async Task<IResult> LaunchAsync<TConfig, TLaunch>(
        HttpRequest request, long limit, string what, Func<string, TConfig> parse, Func<TConfig, Task<TLaunch>> launch,
        Func<TLaunch, (bool Created, string Location)> outcome, CancellationToken cancellationToken)
    {
        var (text, problem) = await ReadAsync(request, limit, cancellationToken);
        if (problem is not null) return problem;
        TConfig config;
        try
        {
            config = parse(text!);
        }
        catch (ConfigException e)
        {
            return ApiProblems.InvalidConfig(what, e.Problems);
        }
        try
        {
            var launched = await launch(config);
            var (created, location) = outcome(launched);
            return created ? Results.Created(location, launched) : Results.Ok(launched);
        }
        catch (ArgumentException e)
        {
            return ApiProblems.Invalid(ApiProblems.Body, e.Message);
        }
        catch (InvalidOperationException e)
        {
            return ApiProblems.Conflict(e.Message);
        }
    }
}
