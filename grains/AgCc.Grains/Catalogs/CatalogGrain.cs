namespace AgCc.Grains.Catalogs;

public sealed class CatalogGrain(
    [PersistentState("catalog", GrainStorage.Name)] IPersistentState<CatalogState> state)
    : Grain, ICatalogGrain
{
    public async Task Add(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (state.State.Names.Add(name)) await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Names]);
}

// Stored as JSON with its type name: renaming this class or its namespace orphans stored state.
[GenerateSerializer]
public sealed class CatalogState
{
    [Id(0)] public SortedSet<string> Names { get; set; } = new(StringComparer.Ordinal);
}
