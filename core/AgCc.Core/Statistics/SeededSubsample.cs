namespace AgCc.Core.Statistics;

/// <summary>A uniform draw of `size` distinct indices out of n, reproducible from a seed, in increasing order.</summary>
public static class SeededSubsample
{
    public static int[] Choose(int n, int size, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (size >= n) return [.. Enumerable.Range(0, n)];
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        // A partial Fisher–Yates shuffle: the first `size` places are the draw.
        var random = new Random(seed);
        var indices = Enumerable.Range(0, n).ToArray();
        for (var i = 0; i < size; i++)
        {
            var j = random.Next(i, n);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
        var chosen = indices[..size];
        Array.Sort(chosen);
        return chosen;
    }
}
