using AgCc.Core.Training.Config;

namespace AgCc.Core.Experiments.Results;

/// <summary>
/// The results table of an experiment (the paper's Table: methods × directions × tasks), built by
/// <see cref="ExperimentAggregation"/> from the runs that have completed so far. Scores are
/// percentages; differences are in percentage points.
/// </summary>
/// <param name="Runs">Runs in the grid; <paramref name="Completed"/>, <paramref name="Failed"/>, <paramref name="Cancelled"/> of them ended so.</param>
public sealed record ExperimentTable(
    string Experiment,
    IReadOnlyList<ExperimentTableRow> Rows,
    int Runs,
    int Completed,
    int Failed,
    int Cancelled)
{
    /// <summary>Every run has ended (the table will not change).</summary>
    public bool IsFinal => Completed + Failed + Cancelled == Runs;
}

/// <summary>
/// One cell: its scores over the seeds whose runs completed, and paired comparisons (by seed) with
/// baseline and PA-CC in the same task and direction. Null scores: no run of the cell completed yet.
/// </summary>
/// <param name="Seeds">Seeds planned for the cell.</param>
/// <param name="Completed">Seeds whose run completed; the means are over these.</param>
/// <param name="Failed">Seeds whose run failed or was cancelled (they never count).</param>
/// <param name="PerClassRecall">Mean recall per class of <paramref name="Classes"/>.</param>
/// <param name="UarBySeed">Each completed seed's UAR, for readers who want their own statistics.</param>
public sealed record ExperimentTableRow(
    ExperimentCell Cell,
    int Seeds,
    int Completed,
    int Failed,
    MeanStd? Uar,
    MeanStd? WeightedAccuracy,
    MeanStd? MacroF1,
    string[] Classes,
    double[] PerClassRecall,
    PairedComparison? VersusBaseline,
    PairedComparison? VersusPaCc,
    IReadOnlyList<SeedScore> UarBySeed);

/// <summary>Mean and sample standard deviation (n − 1; null for one value) over seeds.</summary>
public sealed record MeanStd(
    double Mean,
    double? Std,
    int N);

public sealed record SeedScore(
    long Seed,
    double Value);

/// <summary>
/// This cell's UAR against <paramref name="Against"/>'s over the seeds both completed: the mean
/// paired difference in points and the two-sided p of a paired t-test and of a Wilcoxon
/// signed-rank test (null where the test is undefined: fewer than two pairs, or no variation).
/// </summary>
public sealed record PairedComparison(
    TrainingMethod Against,
    int Pairs,
    double Difference,
    double? TTestP,
    double? WilcoxonP);
