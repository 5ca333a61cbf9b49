namespace AgCc.Core.Gestures;

/// <param name="Inertia">Mean squared soft-DTW to the assigned centre at the last in-loop assignment.</param>
/// <param name="Labels">One more assignment with the final centres (tslearn's labels_).</param>
/// <param name="Distances">soft-DTW of every series to every final centre, row i for series i (N × k).</param>
/// <param name="InertiaTrace">The inertia of every in-loop assignment.</param>
/// <param name="EmptyClustersRefilled">How many times an empty cluster was given the worst-fitting series.</param>
/// <param name="MovedTrace">Per iteration, how many series changed cluster at its assignment.</param>
public sealed record TimeSeriesKMeansResult(
    double Inertia,
    int Iterations,
    IReadOnlyList<int> Labels,
    IReadOnlyList<TimeSeries> Centers,
    double[][] Distances,
    IReadOnlyList<double> InertiaTrace,
    int EmptyClustersRefilled,
    IReadOnlyList<int> MovedTrace);
