using System.Text.Json;

namespace AgCc.Core.Tests.Metrics;

/// <summary>One case of Fixtures/Metrics/classification_metrics.json (scikit-learn's numbers; see its README).</summary>
internal sealed record MetricsCase(
    string Name,
    int Classes,
    int[] YTrue,
    int[] YPred,
    long[][] ConfusionMatrix,
    double BalancedAccuracy,
    double Accuracy,
    double F1Macro,
    double[] Recall,
    double[] Precision,
    double[] F1,
    long[] Support)
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "Metrics", "classification_metrics.json");

    private static readonly Lazy<IReadOnlyDictionary<string, MetricsCase>> All = new(Load);

    public static IEnumerable<string> Names => All.Value.Keys;

    public static MetricsCase Get(string name) => All.Value[name];

    public override string ToString() => Name;

    private static IReadOnlyDictionary<string, MetricsCase> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path));
        return json.RootElement.GetProperty("cases").EnumerateArray().Select(Read).ToDictionary(c => c.Name);
    }

    private static MetricsCase Read(JsonElement c) => new(
        c.GetProperty("name").GetString()!,
        c.GetProperty("classes").GetInt32(),
        [.. c.GetProperty("y_true").EnumerateArray().Select(v => v.GetInt32())],
        [.. c.GetProperty("y_pred").EnumerateArray().Select(v => v.GetInt32())],
        [.. c.GetProperty("confusion_matrix").EnumerateArray().Select(Longs)],
        c.GetProperty("balanced_accuracy").GetDouble(),
        c.GetProperty("accuracy").GetDouble(),
        c.GetProperty("f1_macro").GetDouble(),
        Doubles(c.GetProperty("recall")),
        Doubles(c.GetProperty("precision")),
        Doubles(c.GetProperty("f1")),
        Longs(c.GetProperty("support")));

    private static double[] Doubles(JsonElement a) => [.. a.EnumerateArray().Select(v => v.GetDouble())];

    private static long[] Longs(JsonElement a) => [.. a.EnumerateArray().Select(v => v.GetInt64())];
}
