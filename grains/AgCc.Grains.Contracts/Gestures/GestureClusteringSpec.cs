namespace AgCc.Grains.Gestures;

public enum GestureInit
{
    KMeansPlusPlus,
    First,
}

/// <summary>
/// What a gesture clustering fits: the segments of the named corpora (ingested), with METHOD.md
/// step 4's defaults. Two clusterings with the same spec give the same result.
/// </summary>
/// <remarks>
/// Positional on purpose: Orleans' serializer leaves out members that hold their type's default
/// and re-creates the rest without running property initialisers only for positional records, so
/// an initialised property (Tolerance = 1e-6) set to 0 would come back as 1e-6.
/// </remarks>
/// <param name="Tolerance">Stop when |Δinertia| is below this.</param>
/// <param name="FitSubsample">Fit on this many segments drawn with the seed (0: all); every segment is assigned afterwards.</param>
/// <param name="Temperature">τ of the soft memberships softmax(−sdtw/τ).</param>
/// <param name="Partitions">Partition grains the segments are spread over (the work of every iteration fans out to them).</param>
[GenerateSerializer, Immutable]
public sealed record GestureClusteringSpec(
    [property: Id(0)] IReadOnlyList<string> Corpora,
    [property: Id(1)] int Clusters = 10,
    [property: Id(2)] double Gamma = 1.0,
    [property: Id(3)] int MaxIterations = 50,
    [property: Id(4)] int MaxIterationsBarycenter = 100,
    [property: Id(5)] double Tolerance = 1e-6,
    [property: Id(6)] GestureInit Init = GestureInit.KMeansPlusPlus,
    [property: Id(7)] int Seed = 0,
    [property: Id(8)] int FitSubsample = 0,
    [property: Id(9)] double Temperature = 1.0,
    [property: Id(10)] int Partitions = 4)
{
    /// <summary>Every problem, each naming its field; empty when the spec is valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Corpora.Count == 0) problems.Add("corpora: name at least one corpus");
        if (Corpora.Distinct(StringComparer.Ordinal).Count() != Corpora.Count) problems.Add("corpora: a corpus is named twice");
        if (Clusters < 1) problems.Add($"clusters: must be at least 1 (got {Clusters})");
        if (!(Gamma > 0) || !double.IsFinite(Gamma)) problems.Add($"gamma: must be a positive number (got {Gamma})");
        if (MaxIterations < 1) problems.Add($"maxIterations: must be at least 1 (got {MaxIterations})");
        if (MaxIterationsBarycenter < 1) problems.Add($"maxIterationsBarycenter: must be at least 1 (got {MaxIterationsBarycenter})");
        if (!(Tolerance >= 0) || !double.IsFinite(Tolerance)) problems.Add($"tolerance: must be ≥ 0 (got {Tolerance})");
        if (!Enum.IsDefined(Init)) problems.Add($"init: unknown value {(int)Init}");
        if (FitSubsample < 0) problems.Add($"fitSubsample: must be ≥ 0 (got {FitSubsample})");
        if (FitSubsample > 0 && FitSubsample < Clusters) problems.Add($"fitSubsample: must be at least clusters ({Clusters}) or 0 (got {FitSubsample})");
        if (!(Temperature > 0) || !double.IsFinite(Temperature)) problems.Add($"temperature: must be a positive number (got {Temperature})");
        if (Partitions is < 1 or > 256) problems.Add($"partitions: must be between 1 and 256 (got {Partitions})");
        return problems;
    }

    /// <summary>
    /// Equal field by field, the corpora by content (a spec read back from storage holds another
    /// list type): re-starting with an equal spec is a no-op.
    /// </summary>
    public bool SameAs(GestureClusteringSpec other) =>
        Corpora.SequenceEqual(other.Corpora, StringComparer.Ordinal)
        && (Clusters, Gamma, MaxIterations, MaxIterationsBarycenter, Tolerance, Init, Seed, FitSubsample, Temperature, Partitions)
        == (other.Clusters, other.Gamma, other.MaxIterations, other.MaxIterationsBarycenter, other.Tolerance, other.Init, other.Seed, other.FitSubsample, other.Temperature, other.Partitions);
}
