using AgCc.Grains.Catalogs;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace AgCc.Grains.Training;

/// <summary>
/// The run index (<see cref="IRunIndexGrain"/>): every run's summary in memory and in persisted
/// state, sorted, filtered and paged per query. Reentrant, so that a query waiting for the
/// backfill (which asks runs for their status) never blocks a run's upsert, and a run waiting for
/// its upsert never blocks the backfill; writes of the state go one at a time and coalesce.
/// </summary>
[Reentrant]
public sealed partial class RunIndexGrain(
    [PersistentState("run-index", GrainStorage.Name)] IPersistentState<RunIndexState> state,
    TimeProvider clock,
    ILogger<RunIndexGrain> logger) : Grain, IRunIndexGrain
{
    /// <summary>Status calls in flight at once while backfilling.</summary>
    private const int BackfillBatch = 32;

    private readonly Dictionary<string, RunSummary> runs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim writing = new(1, 1);
    private long version;
    private long written;
    private Task backfill = Task.CompletedTask;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var summary in state.State.Runs) runs[summary.Id] = summary;
        // Not awaited here: the activating call may come from a run that the backfill asks for its status.
        backfill = BackfillAsync();
        return Task.CompletedTask;
    }

    public async Task Upsert(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentException.ThrowIfNullOrWhiteSpace(summary.Id);
        if (runs.TryGetValue(summary.Id, out var known) && known.SameAs(summary)) return;
        runs[summary.Id] = summary with { Tags = [.. summary.Tags ?? []] };
        // Queries read memory, so watchers may ask again at once, before the write.
        NotifyWatchers(runs[summary.Id]);
        await PersistAsync();
    }

    public async Task<RunPage> Query(RunQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await backfill;
        return RunIndexQuery.Run(runs.Values, query, clock.GetUtcNow());
    }

    /// <summary>Adds the runs of the training-runs catalog that the index lacks (all of them when it is empty), from their statuses.</summary>
    private async Task BackfillAsync()
    {
        try
        {
            var ids = await GrainFactory.GetGrain<ICatalogGrain>(CatalogKeys.TrainingRuns).List();
            var missing = ids.Where(id => !runs.ContainsKey(id)).ToList();
            if (missing.Count == 0) return;
            logger.LogInformation("run index {Key}: backfilling {Count} run(s) from the catalog", this.GetPrimaryKeyString(), missing.Count);
            var added = 0;
            foreach (var batch in missing.Chunk(BackfillBatch))
            {
                var statuses = await Task.WhenAll(batch.Select(id => GrainFactory.GetGrain<ITrainingRunGrain>(id).GetStatus()));
                foreach (var status in statuses)
                {
                    // An upsert that came in meanwhile is newer than the status read here.
                    if (RunSummary.From(status) is { } summary && runs.TryAdd(summary.Id, summary)) added++;
                }
            }
            if (added == 0) return;
            NotifyWatchers(null);
            await PersistAsync();
        }
        catch (Exception e)
        {
            // The index still answers with what it has; the next activation tries again.
            logger.LogWarning(e, "run index {Key}: could not backfill from the training-runs catalog", this.GetPrimaryKeyString());
        }
    }

    /// <summary>Writes the index once every change made before this call is in the state (one write at a time; a later write covers earlier changes).</summary>
    private async Task PersistAsync()
    {
        var mine = ++version;
        await writing.WaitAsync();
        try
        {
            if (written >= mine) return;
            var covering = version;
            state.State.Runs = [.. runs.Values.OrderBy(r => r.Id, StringComparer.Ordinal)];
            await state.WriteStateAsync();
            written = covering;
        }
        finally
        {
            writing.Release();
        }
    }
}

// Stored as JSON with its type name: renaming this class or its namespace orphans stored state.
// A List of positional records with arrays (docs/orleans.md); no initialiser but the empty list.
[GenerateSerializer]
public sealed class RunIndexState
{
    [Id(0)] public List<RunSummary> Runs { get; set; } = [];
}
