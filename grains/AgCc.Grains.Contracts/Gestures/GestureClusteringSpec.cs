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
[GenerateSerializer, Immutable]
public sealed record GestureClusteringSpec
{
    [Id(0)] public IReadOnlyList<string> Corpora { get; init; } = [];

    [Id(1)] public int Clusters { get; init; } = 10;

    [Id(2)] public double Gamma { get; init; } = 1.0;

    [Id(3)] public int MaxIterations { get; init; } = 50;

    [Id(4)] public int MaxIterationsBarycenter { get; init; } = 100;

    /// <summary>Stop when |Δinertia| is below this.</summary>
    [Id(5)] public double Tolerance { get; init; } = 1e-6;

    [Id(6)] public GestureInit Init { get; init; } = GestureInit.KMeansPlusPlus;

    [Id(7)] public int Seed { get; init; }

    /// <summary>Fit on this many segments drawn with the seed (0: all); every segment is assigned afterwards.</summary>
    [Id(8)] public int FitSubsample { get; init; }

    /// <summary>τ of the soft memberships softmax(−sdtw/τ).</summary>
    [Id(9)] public double Temperature { get; init; } = 1.0;

    /// <summary>Partition grains the segments are spread over (the work of every iteration fans out to them).</summary>
    [Id(10)] public int Partitions { get; init; } = 8;

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

    /// <summary>Value equality (the list compares by content): re-starting with an equal spec is a no-op.</summary>
    public bool SameAs(GestureClusteringSpec other) =>
        this with { Corpora = [] } == other with { Corpora = [] } && Corpora.SequenceEqual(other.Corpora, StringComparer.Ordinal);
}
