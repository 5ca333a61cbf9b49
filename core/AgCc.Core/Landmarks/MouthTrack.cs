namespace AgCc.Core.Landmarks;

/// <summary>
/// The mouth trajectory of one face in one video: per frame a timestamp and 40 values, the
/// 20 mouth landmarks 48–67 as interleaved (x, y) pairs (<c>v[2l]</c> = x of landmark 48 + l,
/// <c>v[2l + 1]</c> = its y), normalised as <see cref="Normalization"/> says. Frames are on the video's
/// frame grid; gap frames hold NaN.
/// </summary>
public sealed class MouthTrack
{
    public const int FirstLandmark = 48;
    public const int Points = 20;
    public const int ValuesPerFrame = 2 * Points;

    private readonly double[] timestamps;
    private readonly float[] values;
    private readonly FrameStatus[] status;
    private readonly int[] frames;
    private readonly int[] lines;

    /// <param name="timestamps">Seconds, strictly increasing.</param>
    /// <param name="values">Frames × 40, interleaved (x, y); NaN where the status is <see cref="FrameStatus.Gap"/>.</param>
    /// <param name="frames">OpenFace frame numbers; null numbers the frames 1, 2, ….</param>
    /// <param name="lines">CSV line of each frame; null when the track did not come from a file.</param>
    public MouthTrack(
        double[] timestamps,
        float[] values,
        FrameStatus[] status,
        IReadOnlyList<GapRun> gaps,
        LandmarkNormalization normalization,
        double frameRate,
        int[]? frames = null,
        int[]? lines = null,
        int faceId = 0,
        string source = "")
    {
        ArgumentNullException.ThrowIfNull(timestamps);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(gaps);
        var n = timestamps.Length;
        if (values.Length != n * ValuesPerFrame)
            throw new ArgumentException($"expected {n} × {ValuesPerFrame} values, got {values.Length}", nameof(values));
        if (status.Length != n)
            throw new ArgumentException($"expected {n} statuses, got {status.Length}", nameof(status));
        if (frames is not null && frames.Length != n)
            throw new ArgumentException($"expected {n} frame numbers, got {frames.Length}", nameof(frames));
        if (lines is not null && lines.Length != n)
            throw new ArgumentException($"expected {n} line numbers, got {lines.Length}", nameof(lines));
        if (normalization == LandmarkNormalization.Auto)
            throw new ArgumentException("a track records the normalisation that was applied, not Auto", nameof(normalization));
        for (var i = 1; i < n; i++)
        {
            if (!(timestamps[i] > timestamps[i - 1]))
                throw new ArgumentException($"timestamps must increase (index {i})", nameof(timestamps));
        }

        this.timestamps = timestamps;
        this.values = values;
        this.status = status;
        this.frames = frames ?? Enumerable.Range(1, n).ToArray();
        this.lines = lines ?? new int[n];
        Gaps = gaps;
        Normalization = normalization;
        FrameRate = frameRate;
        FaceId = faceId;
        Source = source;
    }

    /// <summary>The file the track was read from (empty when built in memory).</summary>
    public string Source { get; }

    /// <summary>The OpenFace <c>face_id</c> the track follows.</summary>
    public int FaceId { get; }

    public int FrameCount => timestamps.Length;

    /// <summary>The normalisation that was applied (never <see cref="LandmarkNormalization.Auto"/>).</summary>
    public LandmarkNormalization Normalization { get; }

    /// <summary>Frames per second estimated from the timestamps (see the reader); NaN with fewer than two frames.</summary>
    public double FrameRate { get; }

    /// <summary>The runs of frames without values, in order; the trajectory is cut at each.</summary>
    public IReadOnlyList<GapRun> Gaps { get; }

    public ReadOnlySpan<double> Timestamps => timestamps;

    /// <summary>Frames × 40 values, interleaved (x, y) per landmark 48–67.</summary>
    public ReadOnlySpan<float> Values => values;

    public ReadOnlySpan<FrameStatus> Status => status;

    public ReadOnlySpan<int> Frames => frames;

    /// <summary>CSV line of each frame (0 when the track did not come from a file).</summary>
    public ReadOnlySpan<int> Lines => lines;

    /// <summary>The 40 values of one frame.</summary>
    public ReadOnlySpan<float> Frame(int index) => values.AsSpan(index * ValuesPerFrame, ValuesPerFrame);

    /// <summary>True when the frame has values (tracked or interpolated).</summary>
    public bool HasValues(int index) => status[index] != FrameStatus.Gap;
}
