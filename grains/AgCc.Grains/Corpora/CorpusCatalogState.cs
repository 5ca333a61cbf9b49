namespace AgCc.Grains.Corpora;

// Stored as JSON with its type name: renaming this class or its namespace orphans stored state.
[GenerateSerializer]
public sealed class CorpusCatalogState
{
    [Id(0)] public SortedSet<string> Names { get; set; } = new(StringComparer.Ordinal);
}
