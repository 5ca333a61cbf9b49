using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Ingestion;
using AgCc.Core.Corpora.Layouts;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using System.Text.Json;

namespace AgCc.Grains.Corpora;

// Ingestion: start (or skip when nothing changed), the background loop over batches, and the
// reminder that resumes it after a silo dies.
public sealed partial class CorpusGrain
{
    public async Task<IngestionProgress> StartIngestion()
    {
        if (!state.State.IsRegistered) throw new InvalidOperationException($"corpus '{Name}' is not registered");
        if (Ingestion.State == IngestionState.Running)
        {
            EnsureIngestionLoop();
            return Progress();
        }

        var layout = state.State.Layout;
        var cremaLabels = state.State.CremaLabels;
        var location = Info().Location;
        var batchSize = Math.Max(1, options.Value.BatchSize);
        // Listing walks the corpus folder: off the grain's scheduler.
        var (listing, fingerprint) = await Task.Run(() =>
        {
            var found = CorpusLayoutReaders.For(layout, cremaLabels: cremaLabels).List(location);
            return (found, CorpusFingerprint.Of(found, $"{layout}|{cremaLabels}|{location}|{batchSize}|{UtteranceIngestion.FormatVersion}"));
        });
        if (Ingestion.State == IngestionState.Completed && Ingestion.Fingerprint == fingerprint) return Progress();

        var generation = Ingestion.Generation + 1;
        await artifacts.WriteAsync(CorpusArtifacts.Listing(Name, generation), JsonSerializer.SerializeToUtf8Bytes(listing));
        state.State.Ingestion = new IngestionRecord
        {
            State = IngestionState.Running,
            Generation = generation,
            Fingerprint = fingerprint,
            Listed = listing.Utterances.Count,
            BatchSize = batchSize,
            BatchCount = (listing.Utterances.Count + batchSize - 1) / batchSize,
            ListingRejections =
            [
                .. listing.Rejected.Select(r => new RejectedUtterance(r.Utterance, r.File, r.Reason, Excluded: false)),
                .. listing.Excluded.Select(r => new RejectedUtterance(r.Utterance, r.File, r.Reason, Excluded: true)),
            ],
            StartedAt = clock.GetUtcNow(),
        };
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        EnsureIngestionLoop();
        return Progress();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Ingestion.State == IngestionState.Running) EnsureIngestionLoop();
        return Task.CompletedTask;
    }

    private void EnsureIngestionLoop()
    {
        if (ingestion is null || ingestion.IsCompleted) ingestion = IngestAsync();
    }

    /// <summary>Runs on the grain's scheduler between its calls; every await yields to them.</summary>
    private async Task IngestAsync()
    {
        var generation = Ingestion.Generation;
        try
        {
            var listing = await ListingAsync();
            var pending = new Queue<int>(Enumerable.Range(0, Ingestion.BatchCount).Where(b => !Ingestion.Batches.ContainsKey(b)));
            var attempts = new Dictionary<int, int>();
            var inFlight = new Dictionary<Task<IngestedBatch>, int>();
            while (pending.Count > 0 || inFlight.Count > 0)
            {
                while (inFlight.Count < Math.Max(1, options.Value.ParallelBatches) && pending.TryDequeue(out var next))
                {
                    var sources = listing.Utterances.Skip(next * Ingestion.BatchSize).Take(Ingestion.BatchSize).ToArray();
                    var worker = GrainFactory.GetGrain<IIngestionBatchGrain>($"{Name}/{generation}/{next}");
                    inFlight[worker.Ingest(new IngestionBatchRequest(Name, generation, next, sources))] = next;
                }

                var done = await Task.WhenAny(inFlight.Keys);
                var batch = inFlight[done];
                inFlight.Remove(done);
                if (Ingestion.Generation != generation) return; // a newer ingestion took over
                try
                {
                    Ingestion.Batches[batch] = await done;
                    await state.WriteStateAsync();
                }
                catch (Exception e) // a dead silo, a timeout or a storage error: the batch is redone (its write is idempotent)
                {
                    attempts[batch] = attempts.GetValueOrDefault(batch) + 1;
                    logger.LogWarning(e, "corpus {Corpus}: batch {Batch} failed (attempt {Attempt})", Name, batch, attempts[batch]);
                    if (attempts[batch] >= options.Value.Attempts)
                        throw new InvalidOperationException($"batch {batch} failed {attempts[batch]} times: {e.Message}", e);
                    Ingestion.Batches.Remove(batch);
                    pending.Enqueue(batch);
                }
            }

            Ingestion.State = IngestionState.Completed;
            Ingestion.FinishedAt = clock.GetUtcNow();
        }
        catch (Exception e)
        {
            logger.LogError(e, "corpus {Corpus}: ingestion failed", Name);
            Ingestion.State = IngestionState.Failed;
            Ingestion.Failure = e.Message;
            Ingestion.FinishedAt = clock.GetUtcNow();
        }
        await state.WriteStateAsync();
        if (await this.GetReminder(ResumeReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

}
