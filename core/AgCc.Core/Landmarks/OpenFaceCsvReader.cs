using AgCc.Core.Formats;

namespace AgCc.Core.Landmarks;

/// <summary>
/// Reads the mouth track of an OpenFace 2.x <c>FeatureExtraction</c> CSV (METHOD.md step 1).
/// Header-driven: columns are found by name, so optional groups may be absent and columns in any
/// order; cells are separated by "," with optional blanks (OpenFace writes ", "). Only the needed
/// cells are parsed, from the bytes. Every problem with the file is an <see cref="InputException"/>
/// naming the line and, where there is one, the column.
/// </summary>
/// <remarks>
/// Multiple faces (<c>face_id</c>, as FaceLandmarkVidMulti writes): the face with the most frames
/// that pass the gate is read, ties going to the lowest id, unless <see cref="OpenFaceReadOptions.FaceId"/>
/// names one. Timestamps and frame numbers must increase within each face.
/// </remarks>
public static class OpenFaceCsvReader
{
    public static MouthTrack Read(string path, OpenFaceReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream, path, options);
    }

    /// <param name="file">The name errors give for the stream.</param>
    public static MouthTrack Read(Stream stream, string file, OpenFaceReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(file);
        options ??= OpenFaceReadOptions.Default;
        Validate(options);

        using var lines = new Utf8LineSource(stream);
        if (!NextContentLine(lines, out var header))
            throw new InputException(file, "line 1", "the file is empty; expected an OpenFace CSV header (frame, face_id, timestamp, confidence, success, …)");
        if (header.StartsWith("\uFEFF"u8)) header = header[3..];

        var layout = OpenFaceLayout.Parse(file, header, options.Normalization);
        var parser = new OpenFaceRowParser(file, layout);
        while (NextContentLine(lines, out var row))
        {
            parser.Parse(row, lines.LineNumber);
        }

        if (parser.Rows.Count == 0)
            throw new InputException(file, "line 2", "the file has a header but no rows; expected one row per video frame");

        return MouthTrackBuilder.Build(file, layout, parser.Rows, options);
    }

    /// <summary>The next line that is not blank (a trailing newline or stray empty lines are harmless).</summary>
    private static bool NextContentLine(Utf8LineSource lines, out ReadOnlySpan<byte> line)
    {
        while (lines.TryReadLine(out line))
        {
            if (!Utf8Number.Trim(line).IsEmpty) return true;
        }

        return false;
    }

    private static void Validate(OpenFaceReadOptions options)
    {
        if (!double.IsFinite(options.ConfidenceThreshold))
            throw new ArgumentOutOfRangeException(nameof(options), options.ConfidenceThreshold, "ConfidenceThreshold must be finite");
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxInterpolatedGap);
    }
}
