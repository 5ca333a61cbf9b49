namespace AgCc.Core.Features;

/// <summary>
/// Per-dimension mean and variance over frames, accumulated batch by batch (sums in double) and
/// merged, for corpus-level normalisation: (x − mean) / (std + <see cref="Epsilon"/>), the
/// population standard deviation, as per-utterance normalisation does.
/// </summary>
public sealed class FeatureStatistics
{
    /// <summary>Added to the standard deviation so constant dimensions stay finite.</summary>
    public const double Epsilon = 1e-5;

    private readonly double[] sum;
    private readonly double[] sumOfSquares;

    public FeatureStatistics(int dimensions) : this(0, new double[dimensions], new double[dimensions])
    {
    }

    public FeatureStatistics(long frames, double[] sum, double[] sumOfSquares)
    {
        if (sum.Length != sumOfSquares.Length) throw new ArgumentException($"{sum.Length} sums for {sumOfSquares.Length} sums of squares", nameof(sumOfSquares));
        Frames = frames;
        this.sum = sum;
        this.sumOfSquares = sumOfSquares;
    }

    public long Frames { get; private set; }

    public int Dimensions => sum.Length;

    public IReadOnlyList<double> Sum => sum;

    public IReadOnlyList<double> SumOfSquares => sumOfSquares;

    /// <summary>Adds frames × <see cref="Dimensions"/> values, row-major.</summary>
    public void Add(ReadOnlySpan<float> values) => Add(values, 0, Dimensions);

    /// <summary>
    /// Adds rows of <paramref name="width"/> values to the statistics of dimensions
    /// [<paramref name="offset"/>, offset + width): one plane of a stack whose planes' dimensions the
    /// statistics hold in turn. Counts frames once per full width, so add every plane of a frame.
    /// </summary>
    public void Add(ReadOnlySpan<float> values, int offset, int width)
    {
        CheckSlice(values.Length, offset, width);
        for (var row = 0; row < values.Length; row += width)
        {
            var frame = values.Slice(row, width);
            for (var d = 0; d < frame.Length; d++)
            {
                double v = frame[d];
                sum[offset + d] += v;
                sumOfSquares[offset + d] += v * v;
            }
        }
        // A frame is counted when its last plane comes in.
        if (offset + width == Dimensions) Frames += values.Length / width;
    }

    /// <summary>Adds an utterance's frames, plane by plane (plane p's dimension d is p × D + d).</summary>
    public void Add(UtteranceFeatures utterance, FeatureLayout layout)
    {
        var plane = utterance.Frames * layout.Dimensions;
        for (var p = 0; p < layout.Planes; p++) Add(utterance.Values.AsSpan(p * plane, plane), p * layout.Dimensions, layout.Dimensions);
    }

    public void Merge(FeatureStatistics other)
    {
        if (other.Dimensions != Dimensions) throw new ArgumentException($"{other.Dimensions} dimensions, expected {Dimensions}", nameof(other));
        for (var d = 0; d < Dimensions; d++)
        {
            sum[d] += other.sum[d];
            sumOfSquares[d] += other.sumOfSquares[d];
        }
        Frames += other.Frames;
    }

    public double[] Mean() => [.. sum.Select(s => Frames == 0 ? 0 : s / Frames)];

    public double[] StandardDeviation() =>
        [.. sum.Select((s, d) => Frames == 0 ? 0 : Math.Sqrt(Math.Max(0, sumOfSquares[d] / Frames - s / Frames * (s / Frames))))];

    /// <summary>Normalises frames × <see cref="Dimensions"/> values in place.</summary>
    public void Normalize(Span<float> values) => Normalize(values, 0, Dimensions);

    /// <summary>
    /// Normalises rows of <paramref name="width"/> values in place with the statistics of dimensions
    /// [<paramref name="offset"/>, offset + width): one plane of a stack whose planes' dimensions
    /// the statistics hold in turn.
    /// </summary>
    public void Normalize(Span<float> values, int offset, int width)
    {
        CheckSlice(values.Length, offset, width);
        var mean = Mean().AsSpan(offset, width).ToArray();
        var scale = StandardDeviation().AsSpan(offset, width).ToArray().Select(s => 1 / (s + Epsilon)).ToArray();
        for (var row = 0; row < values.Length; row += width)
        {
            var frame = values.Slice(row, width);
            for (var d = 0; d < frame.Length; d++) frame[d] = (float)((frame[d] - mean[d]) * scale[d]);
        }
    }

    /// <summary>Normalises an utterance's frames in place, plane by plane (the twin of <see cref="Add(UtteranceFeatures, FeatureLayout)"/>).</summary>
    public void Normalize(UtteranceFeatures utterance, FeatureLayout layout)
    {
        var plane = utterance.Frames * layout.Dimensions;
        for (var p = 0; p < layout.Planes; p++) Normalize(utterance.Values.AsSpan(p * plane, plane), p * layout.Dimensions, layout.Dimensions);
    }

    private void CheckSlice(int values, int offset, int width)
    {
        if (offset < 0 || width < 1 || offset + width > Dimensions) throw new ArgumentOutOfRangeException(nameof(width), $"dimensions [{offset}, {offset + width}) of {Dimensions}");
        if (values % width != 0) throw new ArgumentException($"{values} values are not whole rows of {width}", nameof(values));
    }
}
