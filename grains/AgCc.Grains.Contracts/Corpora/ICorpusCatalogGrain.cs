namespace AgCc.Grains.Corpora;

/// <summary>The names of all registered corpora (one catalog per cluster, key <see cref="Key"/>).</summary>
public interface ICorpusCatalogGrain : IGrainWithStringKey
{
    public const string Key = "all";

    Task Add(string corpusName);

    Task<IReadOnlyList<string>> GetNames();
}
