using System.Globalization;
using AgCc.Core.Training.Results;

namespace AgCc.Cli.Commands;

/// <summary>How `agcc train` (offline) and `agcc run` (on the cluster) print a run's epochs and result: the same lines for the same numbers.</summary>
internal static class RunLines
{
    public static string Epoch(EpochMetrics e) =>
        $"  epoch {e.Epoch,3}: loss {Number(e.Loss)} (emotion {Number(e.EmotionLoss)}, anchor {Number(e.AnchorLoss)}" +
        (e.ValidTriplets > 0 ? $", {e.ValidTriplets} triplets, {e.ActiveTriplets} active" : "") +
        $"), dev UAR {Percent(e.DevelopmentUar)}" + (e.TargetUar is { } t ? $", target UAR {Percent(t)}" : "") +
        $", {e.Seconds.ToString("F1", CultureInfo.InvariantCulture)} s";

    /// <param name="where">What follows the numbers: where the run trained, where its metrics are.</param>
    public static string Result(string runId, double uar, double wa, double macroF1, int bestEpoch, int epochs, StopReason stop, string where) =>
        $"run {runId}: target UAR {Percent(uar)}, WA {Percent(wa)}, macro-F1 {Percent(macroF1)} " +
        $"(best epoch {bestEpoch} of {epochs}, {(stop == StopReason.EarlyStopping ? "early stopping" : "all epochs")}); {where}";

    public static string Percent(double value) => value.ToString("P2", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
