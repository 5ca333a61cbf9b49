namespace AgCc.Grains.Catalogs;

/// <summary>
/// The names of every thing of one kind ever started in the cluster (key: the kind, one of
/// <see cref="CatalogKeys"/>), so lists need no scan of grain storage.
/// </summary>
public interface ICatalogGrain : IGrainWithStringKey
{
    Task Add(string name);

    /// <summary>The names in ordinal order.</summary>
    Task<IReadOnlyList<string>> List();
}

/// <summary>The catalogs' keys.</summary>
public static class CatalogKeys
{
    public const string Corpora = "corpora";

    public const string GestureClusterings = "gesture-clusterings";

    public const string FeatureSets = "feature-sets";

    public const string TrainingRuns = "training-runs";

    public const string Experiments = "experiments";
}
