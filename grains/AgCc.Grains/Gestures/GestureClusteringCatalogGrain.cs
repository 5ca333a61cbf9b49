namespace AgCc.Grains.Gestures;

public sealed class GestureClusteringCatalogGrain(
    [PersistentState("catalog", GrainStorage.Name)] IPersistentState<GestureClusteringCatalogState> state)
    : Grain, IGestureClusteringCatalogGrain
{
    public async Task Add(string name)
    {
        if (state.State.Names.Add(name)) await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Names]);
}
