using AgCc.Core.Formats;

namespace AgCc.Core.Landmarks;

/// <summary>
/// From parsed rows to a <see cref="MouthTrack"/>: pick the face, lay its rows on the frame grid
/// (a frame number the face skips becomes a gap frame), gate, normalise, then interpolate short
/// gaps and keep the long ones as <see cref="GapRun"/>s.
/// </summary>
internal static class MouthTrackBuilder
{
    /// <summary>More frames missing from a face's rows than this is a broken file, not a gap.</summary>
    public const int MaxMissingFrames = 100_000;

    private const int Values = MouthTrack.ValuesPerFrame;

    public static MouthTrack Build(string file, OpenFaceLayout layout, OpenFaceRows rows, OpenFaceReadOptions options)
    {
        var face = ChooseFace(file, rows, options);
        var selected = Enumerable.Range(0, rows.Count).Where(r => rows.Face[r] == face).ToArray();
        var count = CountFrames(file, layout, rows, selected);

        var timestamps = new double[count];
        var frames = new int[count];
        var lines = new int[count];
        var status = new FrameStatus[count];
        var values = new float[count * Values];
        values.AsSpan().Fill(float.NaN);

        var o = 0;
        for (var j = 0; j < selected.Length; j++)
        {
            var r = selected[j];
            if (j > 0) o = InsertMissing(rows, selected[j - 1], r, o, timestamps, frames, lines, status);
            timestamps[o] = rows.Timestamp[r];
            frames[o] = rows.Frame[r];
            lines[o] = rows.Line[r];
            var gated = rows.Success[r] && rows.Confidence[r] >= options.ConfidenceThreshold;
            var normalised = gated && Normalize(layout.Normalization, rows.LandmarksOf(r), values.AsSpan(o * Values, Values));
            status[o] = normalised ? FrameStatus.Tracked : FrameStatus.Gap;
            if (!normalised) values.AsSpan(o * Values, Values).Fill(float.NaN);
            o++;
        }

        var gaps = FillGaps(timestamps, frames, lines, status, values, options.MaxInterpolatedGap);
        return new MouthTrack(timestamps, values, status, gaps, layout.Normalization,
            FrameRate(rows, selected), frames, lines, face, file);
    }

    /// <summary>The forced face, or the one with the most frames passing the gate (ties: lowest id).</summary>
    private static int ChooseFace(string file, OpenFaceRows rows, OpenFaceReadOptions options)
    {
        var passing = new SortedDictionary<int, int>();
        for (var r = 0; r < rows.Count; r++)
        {
            var gated = rows.Success[r] && rows.Confidence[r] >= options.ConfidenceThreshold;
            passing[rows.Face[r]] = passing.GetValueOrDefault(rows.Face[r]) + (gated ? 1 : 0);
        }

        if (options.FaceId is { } forced)
        {
            if (!passing.ContainsKey(forced))
                throw new InputException(file, "column face_id", $"no rows for face_id {forced}; the file has face_id {string.Join(", ", passing.Keys)}");
            return forced;
        }

        var best = passing.First();
        foreach (var entry in passing)
        {
            if (entry.Value > best.Value) best = entry;
        }

        return best.Key;
    }

    private static int CountFrames(string file, OpenFaceLayout layout, OpenFaceRows rows, int[] selected)
    {
        long count = selected.Length;
        for (var j = 1; j < selected.Length; j++)
        {
            count += rows.Frame[selected[j]] - (long)rows.Frame[selected[j - 1]] - 1;
            if (count - selected.Length > MaxMissingFrames)
                throw new InputException(file, $"line {rows.Line[selected[j]]}, column {layout.SlotName(OpenFaceLayout.FrameSlot)}",
                    $"frame {rows.Frame[selected[j]]} leaves more than {MaxMissingFrames} frames without a row; expected consecutive frame numbers");
        }

        return (int)count;
    }

    /// <summary>Frames between two rows of the face that have no row: gap frames on the time line between them.</summary>
    private static int InsertMissing(OpenFaceRows rows, int before, int after, int o,
        double[] timestamps, int[] frames, int[] lines, FrameStatus[] status)
    {
        var missing = rows.Frame[after] - rows.Frame[before] - 1;
        var t0 = rows.Timestamp[before];
        var t1 = rows.Timestamp[after];
        for (var m = 1; m <= missing; m++)
        {
            timestamps[o] = t0 + (t1 - t0) * m / (missing + 1);
            frames[o] = rows.Frame[before] + m;
            lines[o] = rows.Line[after];
            status[o] = FrameStatus.Gap;
            o++;
        }

        return o;
    }

    private static bool Normalize(LandmarkNormalization normalization, ReadOnlySpan<float> raw, Span<float> destination)
    {
        var mouth = raw[..Values];
        switch (normalization)
        {
            case LandmarkNormalization.Face:
                var a = raw[Values..];
                return MouthNormalizer.TryNormalizeFace(mouth, new FaceAnchors(a[0], a[1], a[2], a[3], a[4], a[5]), destination);
            case LandmarkNormalization.Mouth:
                return MouthNormalizer.TryNormalizeMouth(mouth, destination);
            default:
                mouth.CopyTo(destination);
                return true;
        }
    }

    /// <summary>
    /// Interpolates runs of at most <paramref name="maxGap"/> gap frames between two frames with
    /// values (linear in time); returns the runs that stay: longer ones and those at either end.
    /// </summary>
    private static List<GapRun> FillGaps(double[] t, int[] frames, int[] lines, FrameStatus[] status, float[] values, int maxGap)
    {
        var gaps = new List<GapRun>();
        var n = t.Length;
        var i = 0;
        while (i < n)
        {
            if (status[i] != FrameStatus.Gap)
            {
                i++;
                continue;
            }

            var j = i;
            while (j < n && status[j] == FrameStatus.Gap) j++;
            var length = j - i;
            if (i > 0 && j < n && length <= maxGap)
            {
                var left = values.AsSpan((i - 1) * Values, Values);
                var right = values.AsSpan(j * Values, Values);
                for (var k = i; k < j; k++)
                {
                    var w = (t[k] - t[i - 1]) / (t[j] - t[i - 1]);
                    var target = values.AsSpan(k * Values, Values);
                    for (var v = 0; v < Values; v++) target[v] = (float)(left[v] + w * (right[v] - left[v]));
                    status[k] = FrameStatus.Interpolated;
                }
            }
            else
            {
                gaps.Add(new GapRun(i, length, frames[i], frames[j - 1], lines[i], lines[j - 1], t[i], t[j - 1]));
            }

            i = j;
        }

        return gaps;
    }

    /// <summary>
    /// Frames per second: the inverse slope of a least-squares line through (frame number,
    /// timestamp) of the face's rows. OpenFace rounds timestamps to the millisecond (at 30 fps a
    /// step reads 0.033 or 0.034); the fit averages that away and copes with skipped frames.
    /// NaN with fewer than two rows.
    /// </summary>
    private static double FrameRate(OpenFaceRows rows, int[] selected)
    {
        if (selected.Length < 2) return double.NaN;
        double meanFrame = 0, meanTime = 0;
        foreach (var r in selected)
        {
            meanFrame += rows.Frame[r];
            meanTime += rows.Timestamp[r];
        }

        meanFrame /= selected.Length;
        meanTime /= selected.Length;
        double covariance = 0, variance = 0;
        foreach (var r in selected)
        {
            var df = rows.Frame[r] - meanFrame;
            covariance += df * (rows.Timestamp[r] - meanTime);
            variance += df * df;
        }

        return variance / covariance;
    }
}
