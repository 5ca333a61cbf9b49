namespace AgCc.Grains.Corpora;

public sealed class CorpusCatalogGrain(
    [PersistentState("catalog", GrainStorage.Name)] IPersistentState<CorpusCatalogState> state)
    : Grain, ICorpusCatalogGrain
{
    public async Task Add(string corpusName)
    {
        if (state.State.Names.Add(corpusName)) await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetNames() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Names.ToArray());
}
