using AgCc.Grains.Catalogs;
using Orleans.Runtime;
using System.Text.Json;
using AgCc.Core.Corpora;
using AgCc.Artifacts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgCc.Grains.Corpora;

/// <summary>
/// A corpus: its registration, and its ingestion, which runs as a background loop in this
/// activation (batches fan out to <see cref="IIngestionBatchGrain"/>s across silos) and records
/// each finished batch durably. A reminder brings the corpus back after its silo dies, and the
/// loop resumes with the batches not yet recorded.
/// </summary>
public sealed partial class CorpusGrain(
    [PersistentState("corpus", GrainStorage.Name)] IPersistentState<CorpusState> state,
    IArtifactStore artifacts,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<CorpusGrain> logger) : Grain, ICorpusGrain, IRemindable
{
    private const string ResumeReminder = "resume-ingestion";
    private Task? ingestion;
    private ListingView? listingCache;

    /// <summary>The current generation's listing with its utterances' positions, kept while active.</summary>
    private sealed record ListingView(int Generation, CorpusListing Listing, Dictionary<string, int> Positions);

    private string Name => this.GetPrimaryKeyString();
    private IngestionRecord Ingestion => state.State.Ingestion;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Ingestion.State == IngestionState.Running) EnsureIngestionLoop();
        return Task.CompletedTask;
    }

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
            if (Info().Location == registration.Location && current.Layout == registration.Layout && current.CremaLabels == registration.CremaLabels)
                return Info();
            throw new InvalidOperationException(
                $"corpus '{Name}' is already registered as {current.Layout.ToName()} at {current.Path}; " +
                "pick another name to register a different corpus");
        }

        current.IsRegistered = true;
        current.Layout = registration.Layout;
        current.Path = registration.Path;
        current.Landmarks = registration.Landmarks;
        current.Alignments = registration.Alignments;
        current.CremaLabels = registration.CremaLabels;
        current.RegisteredAt = clock.GetUtcNow();
        await state.WriteStateAsync();

        // After the corpus's own write: a crash in between leaves a registered corpus that a retry
        // of the same registration adds to the catalog (Add is idempotent).
        await GrainFactory.GetGrain<ICatalogGrain>(CatalogKeys.Corpora).Add(Name);
        return Info();
    }

    public Task<CorpusInfo?> GetInfo() => Task.FromResult(state.State.IsRegistered ? Info() : null);

    public Task<CorpusSummary> GetSummary()
    {
        if (!state.State.IsRegistered) throw new InvalidOperationException($"corpus '{Name}' is not registered");
        var emotions = new Dictionary<Emotion, int>();
        var speakers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var batch in Ingestion.Batches.Values)
        {
            foreach (var (emotion, count) in batch.Emotions) emotions[emotion] = emotions.GetValueOrDefault(emotion) + count;
            foreach (var (speaker, count) in batch.Speakers) speakers[speaker] = speakers.GetValueOrDefault(speaker) + count;
        }
        return Task.FromResult(new CorpusSummary(Info(), Progress(), emotions, speakers));
    }

    public Task<IReadOnlyList<RejectedUtterance>> GetRejections() => Task.FromResult<IReadOnlyList<RejectedUtterance>>(
        [.. Ingestion.ListingRejections, .. Ingestion.Batches.Values.SelectMany(b => b.Rejected)]);

    public async Task<UtterancePage> GetUtterances(int skip, int take, string? filter = null)
    {
        var ingested = await IngestedAsync();
        var matching = filter is { Length: > 0 } ? ingested.Where(u => u.Id.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToArray() : ingested;
        var rows = matching.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, 1000))
            .Select(u => new UtteranceRow(u.Id, u.Speaker, u.Emotion, u.Sentence)).ToArray();
        return new UtterancePage(rows, matching.Count);
    }

    public Task<IReadOnlyList<string>> GetBatchArtifacts()
    {
        if (!state.State.IsRegistered) throw new InvalidOperationException($"corpus '{Name}' is not registered");
        if (Ingestion.State != IngestionState.Completed)
            throw new InvalidOperationException($"corpus '{Name}' is not ingested (ingestion is {Ingestion.State.ToString().ToLowerInvariant()}); run: agcc corpus ingest {Name}");
        return Task.FromResult<IReadOnlyList<string>>([.. Ingestion.Batches.OrderBy(b => b.Key).Select(b => b.Value.Artifact)]);
    }

    public async Task<UtteranceLocation?> LocateUtterance(string utteranceId)
    {
        if (Ingestion.Generation == 0) return null;
        var view = await ListingViewAsync();
        if (!view.Positions.TryGetValue(utteranceId, out var index)) return null;
        var listing = view.Listing;
        var batch = index / Ingestion.BatchSize;
        if (!Ingestion.Batches.TryGetValue(batch, out var done) || done.Rejected.Any(r => r.Utterance == utteranceId)) return null;
        return new UtteranceLocation(done.Artifact, listing.Utterances[index]);
    }

    /// <summary>The listed utterances whose batch is done and that were not rejected, in id order.</summary>
    private async Task<IReadOnlyList<UtteranceSource>> IngestedAsync()
    {
        if (Ingestion.Generation == 0) return [];
        var listing = await ListingAsync();
        var rejected = Ingestion.Batches.Values.SelectMany(b => b.Rejected).Select(r => r.Utterance).ToHashSet(StringComparer.Ordinal);
        return listing.Utterances
            .Where((u, i) => Ingestion.Batches.ContainsKey(i / Ingestion.BatchSize) && !rejected.Contains(u.Id))
            .ToArray();
    }

    private async Task<CorpusListing> ListingAsync() => (await ListingViewAsync()).Listing;

    private async Task<ListingView> ListingViewAsync()
    {
        var generation = Ingestion.Generation;
        if (listingCache is { } cached && cached.Generation == generation) return cached;
        var listing = await ReadListingAsync(generation);
        var positions = new Dictionary<string, int>(listing.Utterances.Count, StringComparer.Ordinal);
        for (var i = 0; i < listing.Utterances.Count; i++) positions[listing.Utterances[i].Id] = i;
        return listingCache = new ListingView(generation, listing, positions);
    }

    private async Task<CorpusListing> ReadListingAsync(int generation)
    {
        var bytes = await artifacts.ReadAsync(CorpusArtifacts.Listing(Name, generation))
            ?? throw new InvalidOperationException($"the listing artifact of generation {generation} is missing");
        return JsonSerializer.Deserialize<CorpusListing>(bytes)
            ?? throw new InvalidOperationException($"the listing artifact of generation {generation} is empty");
    }

    private IngestionProgress Progress()
    {
        var i = Ingestion;
        if (i.Generation == 0) return IngestionProgress.None;
        var batches = i.Batches.Values;
        return new IngestionProgress(
            i.State, i.Generation, i.Listed,
            Processed: batches.Sum(b => b.Accepted + b.Rejected.Count),
            Accepted: batches.Sum(b => b.Accepted),
            Rejected: batches.Sum(b => b.Rejected.Count) + i.ListingRejections.Count(r => !r.Excluded),
            Excluded: i.ListingRejections.Count(r => r.Excluded),
            Segments: batches.Sum(b => b.Segments),
            i.Failure, i.StartedAt, i.FinishedAt);
    }

    private CorpusInfo Info() => new(
        Name, state.State.Layout, state.State.Path, state.State.RegisteredAt, state.State.Landmarks, state.State.Alignments, state.State.CremaLabels);
}
