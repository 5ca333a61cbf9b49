namespace AgCc.Core.Gestures;

/// <summary>Series with their ids, in series_id order (numeric when every id is an integer).</summary>
public sealed record TimeSeriesSet(IReadOnlyList<string> Ids, IReadOnlyList<TimeSeries> Series, int Dimensions)
{
    public int Count => Series.Count;

    public int MaxLength => Series.Count == 0 ? 0 : Series.Max(s => s.Length);
}
