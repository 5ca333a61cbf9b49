using System.Text.Json;
using AgCc.Core.Features;

namespace AgCc.Grains.Features;

/// <summary>A feature set's statistics blob: JSON with frames, sums and the mean and standard deviation they give (every plane's dimensions in turn).</summary>
public static class FeatureStatisticsDocument
{
    private sealed record Document(long Frames, double[] Sum, double[] SumOfSquares, double[] Mean, double[] StandardDeviation);

    public static byte[] Write(FeatureStatistics statistics) => JsonSerializer.SerializeToUtf8Bytes(
        new Document(statistics.Frames, [.. statistics.Sum], [.. statistics.SumOfSquares], statistics.Mean(), statistics.StandardDeviation()),
        new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static FeatureStatistics Read(ReadOnlySpan<byte> content, string name)
    {
        var document = JsonSerializer.Deserialize<Document>(content, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{name}: empty statistics");
        return new FeatureStatistics(document.Frames, document.Sum, document.SumOfSquares);
    }
}
