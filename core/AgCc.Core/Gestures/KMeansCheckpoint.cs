namespace AgCc.Core.Gestures;

/// <summary>
/// Where a k-means fit stands after <see cref="Iteration"/> completed iterations (0: the initial
/// centres): everything the loop carries from one iteration to the next, so a fit resumed from it
/// equals one that never stopped.
/// </summary>
/// <param name="Centers">The centres after the iteration's update (all of the longest series' length).</param>
/// <param name="InertiaTrace">The inertia of every in-loop assignment so far.</param>
/// <param name="MovedTrace">Per iteration, how many series changed cluster (all of them at the first).</param>
/// <param name="Labels">The last in-loop assignment (empty before the first iteration).</param>
/// <param name="EmptyClustersRefilled">Empty clusters refilled so far.</param>
/// <param name="Converged">|Δinertia| fell below the tolerance at this iteration.</param>
public sealed record KMeansCheckpoint(
    int Iteration,
    IReadOnlyList<TimeSeries> Centers,
    IReadOnlyList<double> InertiaTrace,
    IReadOnlyList<int> MovedTrace,
    int[] Labels,
    int EmptyClustersRefilled,
    bool Converged)
{
    /// <summary>The inertia of the last in-loop assignment (NaN before the first).</summary>
    public double Inertia => InertiaTrace.Count > 0 ? InertiaTrace[^1] : double.NaN;

    public bool IsFinal(TimeSeriesKMeansOptions options) => Converged || Iteration >= options.MaxIterations;
}
