using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace AgCc.Grains.Training;

/// <inheritdoc cref="ITrainerLedgerGrain"/>
public sealed class TrainerLedgerGrain(IClusterMembershipService membership, ISiloMetadataCache metadata, IOptions<TrainingOptions> options)
    : Grain, ITrainerLedgerGrain
{
    private readonly Dictionary<string, SiloAddress> trainers = new(StringComparer.Ordinal);

    public Task<SiloAddress> Choose(string runId)
    {
        var active = ActiveSilos();
        // Trainers on silos that have died are gone with them.
        foreach (var (run, silo) in trainers.Where(t => !active.Contains(t.Value)).ToArray()) trainers.Remove(run);
        if (trainers.TryGetValue(runId, out var placed)) return Task.FromResult(placed);

        var candidates = TrainingSilos.Candidates(active, metadata, options.Value.RequireGpu, runId);
        var load = Load(candidates);
        // The least busy; ties go to the first in address order (candidates are sorted).
        var chosen = candidates.MinBy(s => load[s])!;
        trainers[runId] = chosen;
        return Task.FromResult(chosen);
    }

    public Task Placed(string runId, SiloAddress silo)
    {
        trainers[runId] = silo;
        return Task.CompletedTask;
    }

    public Task Finished(string runId)
    {
        trainers.Remove(runId);
        return Task.CompletedTask;
    }

    public Task<Dictionary<SiloAddress, int>> Load() => Task.FromResult(Load(ActiveSilos()));

    private Dictionary<SiloAddress, int> Load(IEnumerable<SiloAddress> silos)
    {
        var load = silos.ToDictionary(s => s, _ => 0);
        foreach (var silo in trainers.Values)
            if (load.ContainsKey(silo)) load[silo]++;
        return load;
    }

    private HashSet<SiloAddress> ActiveSilos() =>
        [.. membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress)];
}
