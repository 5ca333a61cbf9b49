using System.Globalization;
using System.Text;
using AgCc.Grains.Training;

namespace AgCc.Dashboard.Api;

/// <summary>A run's epochs as CSV, one row per epoch (empty cells where the target was not evaluated).</summary>
public static class RunMetricsCsv
{
    public const string Header = "epoch,steps,loss,emotion_loss,anchor_loss,valid_triplets,active_triplets,development_uar,target_uar,target_wa,target_macro_f1,seconds";

    public static string Write(IEnumerable<EpochMetricsRecord> epochs)
    {
        var text = new StringBuilder().Append(Header).Append('\n');
        foreach (var e in epochs)
        {
            text.AppendJoin(',', Number(e.Epoch), Number(e.Steps), Number(e.Loss), Number(e.EmotionLoss), Number(e.AnchorLoss),
                Number(e.ValidTriplets), Number(e.ActiveTriplets), Number(e.DevelopmentUar), Number(e.TargetUar),
                Number(e.TargetWeightedAccuracy), Number(e.TargetMacroF1), Number(e.Seconds)).Append('\n');
        }
        return text.ToString();
    }

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
