namespace AgCc.Core.Landmarks;

/// <summary>
/// The columns of an OpenFace 2.x <c>FeatureExtraction</c> CSV with every output group on, in
/// OpenFace's order (RecorderCSV.cpp), with the decimals OpenFace writes each group with.
/// </summary>
public static class OpenFaceColumns
{
    public const int FaceLandmarks = 68;
    public const int EyeLandmarks = 56;
    public const int PdmModes = 34;

    /// <summary>The 17 action units OpenFace estimates an intensity (<c>_r</c>) for.</summary>
    public static IReadOnlyList<string> IntensityUnits { get; } =
        ["AU01", "AU02", "AU04", "AU05", "AU06", "AU07", "AU09", "AU10", "AU12", "AU14", "AU15", "AU17", "AU20", "AU23", "AU25", "AU26", "AU45"];

    /// <summary>The 18 action units OpenFace detects the presence (<c>_c</c>) of (adds AU28).</summary>
    public static IReadOnlyList<string> PresenceUnits { get; } =
        ["AU01", "AU02", "AU04", "AU05", "AU06", "AU07", "AU09", "AU10", "AU12", "AU14", "AU15", "AU17", "AU20", "AU23", "AU25", "AU26", "AU28", "AU45"];

    /// <summary>Column groups in file order; <see cref="ColumnGroup.Decimals"/> is OpenFace's precision.</summary>
    internal static IReadOnlyList<ColumnGroup> Groups { get; } = BuildGroups();

    /// <summary>All 714 column names in file order.</summary>
    public static IReadOnlyList<string> Names { get; } = Groups.SelectMany(g => g.Names).ToArray();

    private static ColumnGroup[] BuildGroups() =>
    [
        new(ColumnKind.Meta, -1, ["frame", "face_id", "timestamp", "confidence", "success"]),
        new(ColumnKind.Zero, 6, ["gaze_0_x", "gaze_0_y", "gaze_0_z", "gaze_1_x", "gaze_1_y", "gaze_1_z"]),
        new(ColumnKind.Zero, 3, ["gaze_angle_x", "gaze_angle_y"]),
        new(ColumnKind.Zero, 1, Numbered(EyeLandmarks, "eye_lmk_x_", "eye_lmk_y_", "eye_lmk_X_", "eye_lmk_Y_", "eye_lmk_Z_")),
        new(ColumnKind.Zero, 1, ["pose_Tx", "pose_Ty", "pose_Tz"]),
        new(ColumnKind.Zero, 3, ["pose_Rx", "pose_Ry", "pose_Rz"]),
        new(ColumnKind.Landmarks2D, 1, Numbered(FaceLandmarks, "x_", "y_")),
        new(ColumnKind.Zero, 1, Numbered(FaceLandmarks, "X_", "Y_", "Z_")),
        new(ColumnKind.Zero, 3, ["p_scale", "p_rx", "p_ry", "p_rz", "p_tx", "p_ty", .. Numbered(PdmModes, "p_")]),
        new(ColumnKind.Zero, 2, IntensityUnits.Select(u => u + "_r").ToArray()),
        new(ColumnKind.Zero, 1, PresenceUnits.Select(u => u + "_c").ToArray()),
    ];

    private static string[] Numbered(int count, params string[] prefixes) =>
        prefixes.SelectMany(p => Enumerable.Range(0, count).Select(i => p + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
}

internal enum ColumnKind
{
    /// <summary>frame, face_id, timestamp, confidence, success.</summary>
    Meta,

    /// <summary>x_0..x_67, y_0..y_67.</summary>
    Landmarks2D,

    /// <summary>A group the writer has no values for.</summary>
    Zero,
}

internal sealed record ColumnGroup(ColumnKind Kind, int Decimals, string[] Names);
