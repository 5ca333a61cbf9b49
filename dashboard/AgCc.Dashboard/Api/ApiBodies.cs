using System.Text;

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
}
