using System.Text;
using AgCc.Core.Formats;

namespace AgCc.Core.Landmarks;

/// <summary>
/// What the header says: where each needed column is. Only these columns are ever parsed; the
/// others are skipped. A "slot" is the place a needed value goes: the five meta columns, then the
/// 40 interleaved mouth coordinates, then (for "face") x/y of 33, 36, 45.
/// </summary>
internal sealed class OpenFaceLayout
{
    public const int FrameSlot = 0;
    public const int FaceSlot = 1;
    public const int TimestampSlot = 2;
    public const int ConfidenceSlot = 3;
    public const int SuccessSlot = 4;
    public const int FirstLandmarkSlot = 5;

    private static readonly int[] AnchorLandmarks = [33, 36, 45];

    private OpenFaceLayout(string[] names, LandmarkNormalization normalization, int[] slotColumns)
    {
        Names = names;
        Normalization = normalization;
        SlotColumns = slotColumns;
        var plan = Enumerable.Range(0, slotColumns.Length).Where(s => slotColumns[s] >= 0).OrderBy(s => slotColumns[s]).ToArray();
        PlanSlots = plan;
        PlanColumns = plan.Select(s => slotColumns[s]).ToArray();
    }

    /// <summary>Header names, trimmed.</summary>
    public string[] Names { get; }

    public int ColumnCount => Names.Length;

    /// <summary>"face", "mouth" or "none", resolved from the options and the header.</summary>
    public LandmarkNormalization Normalization { get; }

    /// <summary>Column of each slot; −1 for an absent optional column (face_id).</summary>
    public int[] SlotColumns { get; }

    public int SlotCount => SlotColumns.Length;

    /// <summary>Landmark values per row: 40 mouth coordinates, plus 6 for the face anchors.</summary>
    public int LandmarkValues => SlotCount - FirstLandmarkSlot;

    public bool HasFaceId => SlotColumns[FaceSlot] >= 0;

    /// <summary>Needed columns in ascending order, and the slot each fills.</summary>
    public int[] PlanColumns { get; }

    public int[] PlanSlots { get; }

    public string SlotName(int slot) => Names[SlotColumns[slot]];

    public static OpenFaceLayout Parse(string file, ReadOnlySpan<byte> header, LandmarkNormalization requested)
    {
        var names = SplitHeader(header);
        var index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        var duplicates = new List<string>();
        for (var c = 0; c < names.Length; c++)
        {
            if (!index.TryAdd(names[c], c)) duplicates.Add(names[c]);
        }

        var mouthNames = new List<string>(MouthTrack.ValuesPerFrame);
        for (var l = MouthTrack.FirstLandmark; l < MouthTrack.FirstLandmark + MouthTrack.Points; l++)
        {
            mouthNames.Add($"x_{l}");
            mouthNames.Add($"y_{l}");
        }

        var anchorNames = AnchorLandmarks.SelectMany(l => new[] { $"x_{l}", $"y_{l}" }).ToList();
        var hasAnchors = anchorNames.All(index.ContainsKey);
        var normalization = requested == LandmarkNormalization.Auto
            ? (hasAnchors ? LandmarkNormalization.Face : LandmarkNormalization.Mouth)
            : requested;

        var required = new List<string> { "frame", "timestamp", "confidence", "success" };
        required.AddRange(mouthNames);
        if (normalization == LandmarkNormalization.Face) required.AddRange(anchorNames);

        var missing = required.Where(n => !index.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            var why = normalization == LandmarkNormalization.Face && requested == LandmarkNormalization.Face
                && anchorNames.Any(missing.Contains) ? " (the \"face\" normalisation was asked for)" : "";
            throw new InputException(file, "line 1", $"the header lacks the required column{(missing.Count > 1 ? "s" : "")} {Compact(missing)}{why}; expected an OpenFace 2.x FeatureExtraction header with frame, timestamp, confidence, success, x_48..x_67, y_48..y_67");
        }

        var dup = duplicates.Where(d => required.Contains(d) || d == "face_id").Distinct().ToList();
        if (dup.Count > 0)
            throw new InputException(file, $"line 1, column {dup[0]}", $"the header names column{(dup.Count > 1 ? "s" : "")} {string.Join(", ", dup)} more than once");

        var slots = new List<int>
        {
            index["frame"],
            index.GetValueOrDefault("face_id", -1),
            index["timestamp"],
            index["confidence"],
            index["success"],
        };
        slots.AddRange(mouthNames.Select(n => index[n]));
        if (normalization == LandmarkNormalization.Face) slots.AddRange(anchorNames.Select(n => index[n]));
        return new OpenFaceLayout(names, normalization, slots.ToArray());
    }

    private static string[] SplitHeader(ReadOnlySpan<byte> header)
    {
        var names = new List<string>();
        while (true)
        {
            var comma = header.IndexOf((byte)',');
            var cell = comma < 0 ? header : header[..comma];
            names.Add(Encoding.UTF8.GetString(Utf8Number.Trim(cell)));
            if (comma < 0) return names.ToArray();
            header = header[(comma + 1)..];
        }
    }

    /// <summary>"x_48, y_48, … (40 columns)" rather than forty names.</summary>
    private static string Compact(List<string> names) =>
        names.Count <= 8 ? string.Join(", ", names) : $"{string.Join(", ", names.Take(6))}, … ({names.Count} columns)";
}
