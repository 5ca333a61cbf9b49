namespace AgCc.Core.Gestures;

/// <summary>Hubert &amp; Arabie's adjusted Rand index of two labelings (sklearn's adjusted_rand_score).</summary>
public static class AdjustedRandIndex
{
    public static double Compute(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        if (a.Count != b.Count) throw new ArgumentException("labelings differ in length");
        var n = a.Count;
        var table = new Dictionary<(int, int), long>();
        var rows = new Dictionary<int, long>();
        var columns = new Dictionary<int, long>();
        for (var i = 0; i < n; i++)
        {
            table[(a[i], b[i])] = table.GetValueOrDefault((a[i], b[i])) + 1;
            rows[a[i]] = rows.GetValueOrDefault(a[i]) + 1;
            columns[b[i]] = columns.GetValueOrDefault(b[i]) + 1;
        }
        static double Pairs(long count) => count * (count - 1) / 2.0;
        var index = table.Values.Sum(Pairs);
        var sumRows = rows.Values.Sum(Pairs);
        var sumColumns = columns.Values.Sum(Pairs);
        var expected = sumRows * sumColumns / Pairs(n);
        var maximum = (sumRows + sumColumns) / 2.0;
        // Both labelings trivial (one cluster each, or all singletons): sklearn returns 1.
        return maximum == expected ? 1.0 : (index - expected) / (maximum - expected);
    }
}
