namespace AgCc.Core.Gestures;

public enum KMeansInit
{
    /// <summary>k-means++ (D² sampling on the soft-DTW divergence) from <see cref="TimeSeriesKMeansOptions.Seed"/>.</summary>
    KMeansPlusPlus,

    /// <summary>The first k series, in the order given.</summary>
    First,
}

/// <summary>tslearn TimeSeriesKMeans(metric="softdtw") parameters; defaults are METHOD.md step 4's.</summary>
public sealed record TimeSeriesKMeansOptions
{
    public int Clusters { get; init; } = 10;

    public double Gamma { get; init; } = 1.0;

    public int MaxIterations { get; init; } = 50;

    public int MaxIterationsBarycenter { get; init; } = 100;

    /// <summary>Stop when |Δinertia| is below this.</summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>The barycentre's L-BFGS tolerance (tslearn's fixed 1e-3).</summary>
    public double BarycenterTolerance { get; init; } = 1e-3;

    public KMeansInit Init { get; init; } = KMeansInit.KMeansPlusPlus;

    /// <summary>Explicit initial centres (any lengths; resampled to the longest series); overrides <see cref="Init"/>.</summary>
    public IReadOnlyList<TimeSeries>? InitialCenters { get; init; }

    public int Seed { get; init; }

    /// <summary>
    /// How many partitions the series are split into for the work (contiguous, in order). The
    /// result depends on it only through the floating-point order of the barycentre sums; a fit
    /// over partition grains equals a local fit with the same count.
    /// </summary>
    public int Partitions { get; init; } = 1;

    /// <summary>Threads to use (−1: all cores). The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
