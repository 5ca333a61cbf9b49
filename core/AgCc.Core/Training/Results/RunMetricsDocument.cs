using System.Text.Json;
using System.Text.Json.Serialization;
using AgCc.Core.Training.Config;

namespace AgCc.Core.Training.Results;

/// <summary>
/// metrics.json of a run: the target's metrics at the top level (`uar`, `wa`, `macro_f1`,
/// `per_class_recall`, `confusion`, `epochs`) in snake_case, as Python readers expect, then the
/// development split's, the history and what the numbers depend on (seed, threads, device).
/// </summary>
public static class RunMetricsDocument
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public sealed record Document(
        string RunId,
        string Method,
        string Task,
        string Source,
        string Target,
        long Seed,
        double Uar,
        double Wa,
        double MacroF1,
        IReadOnlyDictionary<string, double> PerClassRecall,
        IReadOnlyList<string> Classes,
        long[][] Confusion,
        long Utterances,
        int Epochs,
        int BestEpoch,
        StopReason Stop,
        Evaluation Development,
        IReadOnlyList<EpochMetrics> History,
        int Threads,
        string Device,
        double Seconds,
        string ConfigHash);

    public static Document Of(string runId, RunConfig config, RunResult result, double seconds) => new(
        runId, config.Method.ToName(), config.Task, config.Source.Name, config.Target.Name, config.Seed,
        result.Target.Uar, result.Target.WeightedAccuracy, result.Target.MacroF1,
        result.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => result.Target.PerClassRecall[p.i]),
        result.Classes, result.Target.Confusion, result.Target.Utterances, result.Epochs, result.BestEpoch, result.Stop,
        result.Development, result.History, result.Threads, result.Device, seconds, RunConfigJson.Hash(config with { Id = null }));

    public static byte[] Write(string runId, RunConfig config, RunResult result, double seconds) =>
        JsonSerializer.SerializeToUtf8Bytes(Of(runId, config, result, seconds), Options);

    public static Document Read(byte[] content) =>
        JsonSerializer.Deserialize<Document>(content, Options) ?? throw new InvalidDataException("metrics.json is empty");
}
