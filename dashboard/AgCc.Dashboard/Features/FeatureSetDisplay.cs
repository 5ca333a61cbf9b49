using System.Globalization;
using AgCc.Grains.Features;
using MudBlazor;

namespace AgCc.Dashboard.Features;

/// <summary>How the pages show a feature set.</summary>
public static class FeatureSetDisplay
{
    /// <summary>Finished batches in percent.</summary>
    public static double Percent(FeatureSetStatus s) => s.Batches > 0 ? Math.Clamp(100.0 * s.BatchesDone / s.Batches, 0, 100) : 0;

    /// <summary>`80 @ 100 Hz`, or `13 × 768 @ 50 Hz` for a stack of hidden states; empty until the extractor is loaded.</summary>
    public static string Shape(FeatureSetStatus s) => s.Shape is not { } shape ? ""
        : $"{(shape.Planes > 1 ? $"{shape.Planes} × " : "")}{shape.Dimensions} @ {shape.FrameRate.ToString("G4", CultureInfo.InvariantCulture)} Hz";

    /// <summary>Seconds of audio per second of wall time, once there is any.</summary>
    public static string Throughput(FeatureSetStatus s) => s.AudioSeconds > 0 ? $"{s.Throughput:0} s/s" : "";

    public static Color StageColor(FeatureSetStage stage) => stage switch
    {
        FeatureSetStage.Extracting => Color.Info,
        FeatureSetStage.Completed => Color.Success,
        FeatureSetStage.Failed => Color.Error,
        _ => Color.Default,
    };
}
