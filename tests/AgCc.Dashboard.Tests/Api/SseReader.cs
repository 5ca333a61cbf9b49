namespace AgCc.Dashboard.Tests.Api;

/// <summary>Reads server-sent events (`event:` and `data:` lines, a blank line ending each) as a client such as curl -N sees them.</summary>
public sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader reader = new(stream);

    /// <summary>The next event, or null when the stream ended.</summary>
    public async Task<(string Type, string Data)?> NextAsync(CancellationToken cancellationToken)
    {
        string? type = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0) return (type ?? "message", string.Join('\n', data));
                continue;
            }
            if (line.StartsWith("event:", StringComparison.Ordinal)) type = line[6..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal)) data.Add(line[5..].TrimStart());
        }
        return null;
    }

    public void Dispose() => reader.Dispose();
}
