using System.Globalization;
using System.Text;

namespace AgCc.Core.Landmarks;

/// <summary>
/// Writes an OpenFace 2.x <c>FeatureExtraction</c> CSV as OpenFace does with every output group
/// on: the full 714-column header (<see cref="OpenFaceColumns.Names"/>), ", " separators, fixed-point
/// values with OpenFace's decimals, invariant culture, "\n" line ends. face_id is 0; columns the
/// caller has no values for (gaze, eye landmarks, pose, 3-D landmarks, PDM parameters, AUs) are
/// zeros at their group's precision. A frame without success gets zero landmarks, as OpenFace writes.
/// </summary>
public static class OpenFaceCsvWriter
{
    private static readonly byte[] Separator = ", "u8.ToArray();

    public static void Write(string path, IReadOnlyList<OpenFaceFrame> frames) =>
        Write(path, frames, OpenFaceCsvWriterOptions.OpenFace);

    public static void Write(string path, IReadOnlyList<OpenFaceFrame> frames, OpenFaceCsvWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        Check(frames, options);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        WriteChecked(stream, frames, options);
    }

    public static void Write(Stream stream, IReadOnlyList<OpenFaceFrame> frames, OpenFaceCsvWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= OpenFaceCsvWriterOptions.OpenFace;
        Check(frames, options);
        WriteChecked(stream, frames, options);
    }

    private static void WriteChecked(Stream stream, IReadOnlyList<OpenFaceFrame> frames, OpenFaceCsvWriterOptions options)
    {
        stream.Write(Encoding.UTF8.GetBytes(string.Join(", ", OpenFaceColumns.Names) + "\n"));

        // Everything between success and x_0, and after y_67, is constant: render it once.
        var groups = OpenFaceColumns.Groups;
        var landmarksAt = groups.ToList().FindIndex(g => g.Kind == ColumnKind.Landmarks2D);
        var beforeLandmarks = Zeros(groups.Skip(1).Take(landmarksAt - 1));
        var afterLandmarks = Zeros(groups.Skip(landmarksAt + 1));

        var line = new byte[(beforeLandmarks.Length + afterLandmarks.Length) + 256 + 2 * OpenFaceColumns.FaceLandmarks * 64];
        var landmarkFormat = Fixed(options.LandmarkDecimals);
        var timestampFormat = Fixed(options.TimestampDecimals);
        var confidenceFormat = Fixed(options.ConfidenceDecimals);
        var zeroLandmark = Encoding.ASCII.GetBytes(ZeroText(options.LandmarkDecimals));
        foreach (var frame in frames)
        {
            var n = 0;
            Append(line, ref n, frame.Frame);
            Append(line, ref n, Separator);
            Append(line, ref n, 0); // face_id
            Append(line, ref n, Separator);
            Append(line, ref n, frame.Timestamp, timestampFormat);
            Append(line, ref n, Separator);
            Append(line, ref n, frame.Confidence, confidenceFormat);
            Append(line, ref n, Separator);
            Append(line, ref n, frame.Success ? 1 : 0);
            Append(line, ref n, beforeLandmarks);
            foreach (var coordinates in (ReadOnlySpan<float[]>)[frame.X, frame.Y])
            {
                foreach (var value in coordinates)
                {
                    Append(line, ref n, Separator);
                    if (frame.Success) Append(line, ref n, value, landmarkFormat);
                    else Append(line, ref n, zeroLandmark);
                }
            }

            Append(line, ref n, afterLandmarks);
            line[n++] = (byte)'\n';
            stream.Write(line, 0, n);
        }
    }

    private static void Check(IReadOnlyList<OpenFaceFrame> frames, OpenFaceCsvWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var decimals in (ReadOnlySpan<int>)[options.TimestampDecimals, options.ConfidenceDecimals, options.LandmarkDecimals])
        {
            if (decimals is < 0 or > 9)
                throw new ArgumentOutOfRangeException(nameof(options), decimals, "decimals must be between 0 and 9");
        }

        var previous = double.NegativeInfinity;
        var previousFrame = long.MinValue;
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i] ?? throw new ArgumentException($"frame {i} is null", nameof(frames));
            if (frame.X is not { Length: OpenFaceColumns.FaceLandmarks } || frame.Y is not { Length: OpenFaceColumns.FaceLandmarks })
                throw new ArgumentException($"frame {i}: expected {OpenFaceColumns.FaceLandmarks} x and y coordinates", nameof(frames));
            if (!double.IsFinite(frame.Timestamp) || !double.IsFinite(frame.Confidence))
                throw new ArgumentException($"frame {i}: timestamp and confidence must be finite", nameof(frames));
            if (frame.Success && (frame.X.Any(v => !float.IsFinite(v)) || frame.Y.Any(v => !float.IsFinite(v))))
                throw new ArgumentException($"frame {i}: a successful frame needs finite landmarks", nameof(frames));

            // What the reader sees is the rounded timestamp: it must still increase.
            var written = double.Parse(frame.Timestamp.ToString(Fixed(options.TimestampDecimals), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (!(written > previous))
                throw new ArgumentException(
                    $"frame {i}: timestamp {frame.Timestamp.ToString("R", CultureInfo.InvariantCulture)} does not increase at {options.TimestampDecimals} decimals", nameof(frames));
            previous = written;
            if (frame.Frame <= previousFrame)
                throw new ArgumentException($"frame {i}: frame number {frame.Frame} does not increase", nameof(frames));
            previousFrame = frame.Frame;
        }
    }

    /// <summary>", 0.0, 0.0, …" for groups without values, each at its own precision.</summary>
    private static byte[] Zeros(IEnumerable<ColumnGroup> groups)
    {
        var text = new StringBuilder();
        foreach (var group in groups)
        {
            var zero = ZeroText(group.Decimals);
            foreach (var _ in group.Names) text.Append(", ").Append(zero);
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static string ZeroText(int decimals) => decimals <= 0 ? "0" : "0." + new string('0', decimals);

    private static string Fixed(int decimals) => "F" + decimals.ToString(CultureInfo.InvariantCulture);

    private static void Append(byte[] line, ref int n, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(line.AsSpan(n));
        n += bytes.Length;
    }

    private static void Append(byte[] line, ref int n, int value)
    {
        value.TryFormat(line.AsSpan(n), out var written, default, CultureInfo.InvariantCulture);
        n += written;
    }

    private static void Append(byte[] line, ref int n, double value, string format)
    {
        if (!value.TryFormat(line.AsSpan(n), out var written, format, CultureInfo.InvariantCulture))
            throw new ArgumentException($"value {value} does not fit a CSV cell");
        n += written;
    }
}
