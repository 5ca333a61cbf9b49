using System.Diagnostics;
using AgCc.Artifacts;
using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Ingestion;
using AgCc.Core.Features;
using AgCc.Core.Torch.Features;
using AgCc.Core.Torch.Features.Wav2Vec2;
using AgCc.Grains.Corpora;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace AgCc.Grains.Features;

/// <summary>
/// A corpus's features under one extractor. A background loop in this activation extracts the
/// corpus's ingestion batches in order, one feature blob per batch, with the durable count of
/// finished batches in grain state; a reminder brings it back after its silo dies and it goes on
/// at the next unfinished batch. The next batch's audio is read while the current one computes.
/// </summary>
public sealed class FeatureSetGrain(
    [PersistentState("features", GrainStorage.Name)] IPersistentState<FeatureSetState> state,
    IArtifactStore artifacts,
    SiloDevice device,
    TimeProvider clock,
    ILogger<FeatureSetGrain> logger) : Grain, IFeatureSetGrain, IRemindable
{
    private const string ResumeReminder = "resume-features";
    private const int MaxRestarts = 5;
    private Task? loop;

    private string Corpus => this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().LastIndexOf('/')];

    private string SpecKey => this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().LastIndexOf('/') + 1)..];

    private FeatureSetState State => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Stage != FeatureSetStage.Extracting) return;
        // A new activation of an unfinished extraction: its silo died (or it was deactivated).
        State.Resumes++;
        await state.WriteStateAsync(cancellationToken);
        EnsureLoop();
    }

    public async Task<FeatureSetStatus> Start(FeatureSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var key = this.GetPrimaryKeyString();
        var problems = new List<string>();
        if (key.LastIndexOf('/') < 1) problems.Add($"feature set '{key}': the key is corpus/spec-key");
        else if (CorpusName.Problem(Corpus) is { } corpusProblem) problems.Add($"corpus: {corpusProblem}");
        problems.AddRange(spec.Problems());
        if (problems.Count == 0 && spec.Key != SpecKey) problems.Add($"feature set '{key}': the spec's key is {spec.Key}");
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(spec));

        var batches = await GrainFactory.GetGrain<ICorpusGrain>(Corpus).GetBatchArtifacts();
        if (State.Stage == FeatureSetStage.Extracting)
        {
            EnsureLoop();
            return Status();
        }
        // Reuse: the same corpus ingestion was extracted already.
        if (State.Stage == FeatureSetStage.Completed && State.CorpusBatches.SequenceEqual(batches)) return Status();

        // A failed set retried on the same ingestion keeps its generation and finished batches.
        var retry = State.Stage == FeatureSetStage.Failed && State.CorpusBatches.SequenceEqual(batches);
        state.State = retry ? State : new FeatureSetState { Generation = State.Generation + 1, CorpusBatches = [.. batches], StartedAt = clock.GetUtcNow() };
        State.Spec = spec;
        State.Stage = FeatureSetStage.Extracting;
        State.Failure = null;
        State.FinishedAt = null;
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        EnsureLoop();
        return Status();
    }

    public Task<FeatureSetStatus> GetStatus() => Task.FromResult(Status());

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Stage == FeatureSetStage.Extracting) EnsureLoop();
        return Task.CompletedTask;
    }

    private FeatureSetStatus Status() => new(
        Corpus,
        SpecKey,
        State.Stage,
        State.Generation,
        State.CorpusBatches.Count,
        State.BatchesDone,
        State.Utterances,
        State.Frames,
        State.AudioSeconds,
        State.ExtractionSeconds,
        State.WaitingSeconds,
        State.Elapsed,
        State.Device,
        State.Shape,
        [.. Enumerable.Range(0, State.BatchesDone).Select(b => FeatureArtifacts.Batch(Corpus, SpecKey, State.Generation, b))],
        State.Stage == FeatureSetStage.Completed ? FeatureArtifacts.Statistics(Corpus, SpecKey, State.Generation) : null,
        State.StartedAt,
        State.FinishedAt,
        State.Failure,
        State.Resumes,
        [.. State.Rejections]);

    private void EnsureLoop()
    {
        if (loop is null || loop.IsCompleted) loop = RunAsync();
    }

    /// <summary>
    /// Runs on the grain's scheduler between its calls; the audio and the extractor run on the
    /// thread pool. Bad input (a checkpoint that does not load, a corpus not ingested) fails the
    /// set at once; anything else (storage hiccups) restarts it from its last finished batch.
    /// </summary>
    private async Task RunAsync()
    {
        var generation = State.Generation;
        var restarts = 0;
        while (State.Stage == FeatureSetStage.Extracting && State.Generation == generation)
        {
            try
            {
                // Loading a checkpoint is heavy: off the scheduler.
                var spec = State.Spec!;
                using var extractor = await Task.Run(() => FeatureExtractors.Create(spec, device.Device));
                var layout = extractor.Layout;
                State.Device = device.Name;
                State.Shape = new FeatureSetShape(layout.Planes, layout.Dimensions, layout.Timing.Rate, layout.Timing.FirstCentre);
                if (State.Sum.Count == 0)
                {
                    State.Sum = [.. new double[layout.ValuesPerFrame]];
                    State.SumOfSquares = [.. new double[layout.ValuesPerFrame]];
                }
                await ExtractBatchesAsync(extractor, generation);
                if (State.Generation == generation) await CompleteAsync();
            }
            catch (Exception e) when (State.Generation == generation)
            {
                restarts++;
                var badInput = e is ArgumentException or InvalidOperationException or InvalidDataException or IOException or Wav2Vec2WeightsException;
                logger.LogWarning(e, "feature set {Key}: extraction failed (restart {Restart})", this.GetPrimaryKeyString(), restarts);
                if (badInput || restarts > MaxRestarts)
                {
                    State.Stage = FeatureSetStage.Failed;
                    State.Failure = e.Message;
                    State.FinishedAt = clock.GetUtcNow();
                }
                else
                {
                    State.Resumes++;
                }
                await state.WriteStateAsync();
                if (!badInput) await Task.Delay(TimeSpan.FromSeconds(restarts), clock);
            }
        }
        if (State.Stage != FeatureSetStage.Extracting && await this.GetReminder(ResumeReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    /// <summary>
    /// Extracts the remaining batches in order. Three things overlap: reading the next batch's
    /// audio, extracting this one on the device, and writing the previous one's blob and progress;
    /// the durable count of finished batches only moves once a blob is written.
    /// </summary>
    private async Task ExtractBatchesAsync(IFeatureExtractor extractor, int generation)
    {
        var total = State.CorpusBatches.Count;
        var watch = Stopwatch.StartNew();
        var elapsedBefore = State.Elapsed;
        var batch = State.BatchesDone;
        var next = batch < total ? LoadAsync(batch, extractor.SampleRate) : null;
        var commit = Task.CompletedTask;
        for (; batch < total && State.Generation == generation; batch++)
        {
            var waited = Stopwatch.StartNew();
            var loaded = await next!;
            next = batch + 1 < total ? LoadAsync(batch + 1, extractor.SampleRate) : null;
            State.WaitingSeconds += waited.Elapsed.TotalSeconds;
            var result = await device.RunAsync(() => FeatureBatchExtraction.Extract(extractor, loaded));
            waited.Restart();
            await commit;
            State.WaitingSeconds += waited.Elapsed.TotalSeconds;
            commit = CommitAsync(batch, result, () => elapsedBefore + watch.Elapsed);
        }
        await commit;
    }

    /// <summary>Writes a batch's blob, then counts it as finished in durable state.</summary>
    private async Task CommitAsync(int batch, FeatureBatchExtraction.Result result, Func<TimeSpan> elapsed)
    {
        await artifacts.WriteAsync(FeatureArtifacts.Batch(Corpus, SpecKey, State.Generation, batch), result.Blob);
        State.BatchesDone = batch + 1;
        State.Utterances += result.Utterances;
        State.Frames += result.Frames;
        State.AudioSeconds += result.AudioSeconds;
        State.ExtractionSeconds += result.ExtractionSeconds;
        State.Elapsed = elapsed();
        State.Rejections.AddRange(result.Rejections);
        for (var d = 0; d < State.Sum.Count; d++)
        {
            State.Sum[d] += result.Statistics.Sum[d];
            State.SumOfSquares[d] += result.Statistics.SumOfSquares[d];
        }
        await state.WriteStateAsync();
    }

    /// <summary>A corpus batch's utterances and their audio, read on the thread pool.</summary>
    private async Task<FeatureBatchExtraction.LoadedUtterance[]> LoadAsync(int batch, int sampleRate)
    {
        var name = State.CorpusBatches[batch];
        var content = await artifacts.ReadAsync(name) ?? throw new InvalidOperationException($"{name} is missing: re-ingest corpus '{Corpus}'");
        return await Task.Run(() => FeatureBatchExtraction.LoadAudio(UtteranceBatchFormat.Read(content, name), sampleRate));
    }

    private async Task CompleteAsync()
    {
        var statistics = new FeatureStatistics(State.Frames, [.. State.Sum], [.. State.SumOfSquares]);
        await artifacts.WriteAsync(FeatureArtifacts.Statistics(Corpus, SpecKey, State.Generation), FeatureStatisticsDocument.Write(statistics));
        State.Stage = FeatureSetStage.Completed;
        State.FinishedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        logger.LogInformation("feature set {Key}: {Utterances} utterances, {Seconds:F1} s of audio in {Elapsed:F1} s ({Extraction:F1} s extracting)",
            this.GetPrimaryKeyString(), State.Utterances, State.AudioSeconds, State.Elapsed.TotalSeconds, State.ExtractionSeconds);
    }
}
