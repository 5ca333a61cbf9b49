using AgCc.Core.Corpora;

namespace AgCc.Grains.Corpora;

public sealed class CorpusGrain(
    [PersistentState("corpus", GrainStorage.Name)] IPersistentState<CorpusState> state,
    TimeProvider clock) : Grain, ICorpusGrain
{
    private string Name => this.GetPrimaryKeyString();

    public async Task<CorpusInfo> Register(CorpusRegistration registration)
    {
        CorpusName.Validate(Name);
        ArgumentNullException.ThrowIfNull(registration);
        if (!Enum.IsDefined(registration.Layout))
            throw new ArgumentException($"corpus '{Name}': unknown layout value {(int)registration.Layout}", nameof(registration));
        if (string.IsNullOrWhiteSpace(registration.Path))
            throw new ArgumentException($"corpus '{Name}': path is empty", nameof(registration));

        var current = state.State;
        if (current.IsRegistered)
        {
            if (current.Layout == registration.Layout && current.Path == registration.Path) return Info();
            throw new InvalidOperationException(
                $"corpus '{Name}' is already registered as {current.Layout.ToName()} at {current.Path}; " +
                "pick another name to register a different corpus");
        }

        current.IsRegistered = true;
        current.Layout = registration.Layout;
        current.Path = registration.Path;
        current.RegisteredAt = clock.GetUtcNow();
        await state.WriteStateAsync();

        // After the corpus's own write: a crash in between leaves a registered corpus that a retry
        // of the same registration adds to the catalog (Add is idempotent).
        await GrainFactory.GetGrain<ICorpusCatalogGrain>(ICorpusCatalogGrain.Key).Add(Name);
        return Info();
    }

    public Task<CorpusInfo?> GetInfo() => Task.FromResult(state.State.IsRegistered ? Info() : null);

    private CorpusInfo Info() =>
        new(Name, state.State.Layout, state.State.Path, state.State.RegisteredAt);
}
