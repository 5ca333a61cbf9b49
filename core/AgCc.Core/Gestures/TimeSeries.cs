namespace AgCc.Core.Gestures;

/// <summary>
/// One multivariate series: <see cref="Length"/> frames of <see cref="Dimensions"/> values, stored
/// row-major (frame after frame) so a frame is one contiguous span for the SIMD cost kernel.
/// </summary>
public sealed class TimeSeries
{
    public TimeSeries(int length, int dimensions, double[] values)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (values.Length != length * dimensions)
            throw new ArgumentException($"expected {length}×{dimensions} = {length * dimensions} values, got {values.Length}", nameof(values));
        Length = length;
        Dimensions = dimensions;
        Values = values;
    }

    public int Length { get; }

    public int Dimensions { get; }

    /// <summary>Row-major values: frame t is <c>Values[t*Dimensions .. (t+1)*Dimensions)</c>.</summary>
    public double[] Values { get; }

    public ReadOnlySpan<double> Frame(int t) => Values.AsSpan(t * Dimensions, Dimensions);

    public TimeSeries Copy() => new(Length, Dimensions, (double[])Values.Clone());
}
