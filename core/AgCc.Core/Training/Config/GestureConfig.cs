namespace AgCc.Core.Training.Config;

/// <summary>
/// The AG clustering an AG-CC run anchors on (METHOD.md step 4): soft-DTW k-means over the
/// gesture segments of both corpora together, and the temperature τ of the soft memberships.
/// </summary>
/// <param name="FitSubsample">Fit on this many segments drawn with the seed (0: all); every segment is assigned afterwards.</param>
public sealed record GestureConfig(
    int Clusters = 10,
    double Gamma = 1.0,
    double Temperature = 1.0,
    int Seed = 0,
    int MaxIterations = 50,
    int MaxIterationsBarycenter = 100,
    double Tolerance = 1e-6,
    int FitSubsample = 0)
{
    public IReadOnlyList<string> Problems(string prefix = "gestures")
    {
        var problems = new List<string>();
        if (Clusters < 2) problems.Add($"{prefix}.clusters: must be at least 2 (got {Clusters})");
        if (!(Gamma > 0) || !double.IsFinite(Gamma)) problems.Add($"{prefix}.gamma: must be a positive number (got {Gamma})");
        if (!(Temperature > 0) || !double.IsFinite(Temperature)) problems.Add($"{prefix}.temperature: must be a positive number (got {Temperature})");
        if (MaxIterations < 1) problems.Add($"{prefix}.maxIterations: must be at least 1 (got {MaxIterations})");
        if (MaxIterationsBarycenter < 1) problems.Add($"{prefix}.maxIterationsBarycenter: must be at least 1 (got {MaxIterationsBarycenter})");
        if (!(Tolerance >= 0) || !double.IsFinite(Tolerance)) problems.Add($"{prefix}.tolerance: must be ≥ 0 (got {Tolerance})");
        if (FitSubsample < 0) problems.Add($"{prefix}.fitSubsample: must be ≥ 0 (got {FitSubsample})");
        else if (FitSubsample > 0 && FitSubsample < Clusters) problems.Add($"{prefix}.fitSubsample: must be 0 or at least clusters ({Clusters}) (got {FitSubsample})");
        return problems;
    }
}
