using AgCc.Artifacts;
using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Ingestion;
using AgCc.Core.Corpora.Layouts;
using AgCc.Core.Features;
using AgCc.Core.Training.Config;
using AgCc.Core.Training.Data;
using AgCc.Grains.Catalogs;
using AgCc.Grains.Corpora;
using AgCc.Grains.Features;
using AgCc.Grains.Gestures;

namespace AgCc.Grains.Training;

/// <summary>
/// A run's <see cref="TrainingData"/> from the cluster, in the order `agcc train` takes offline
/// (OfflineTraining): both corpora registered and ingested, their feature sets extracted, for
/// AG-CC the gesture clustering of both fitted, then the features with their speakers and
/// emotions. Each step reuses what the cluster already has (grains make them idempotent).
/// </summary>
public static class ClusterTrainingData
{
    private const int AssignmentPage = 1000;
    // A status read is one cheap grain call; a longer wait only made every preparation stage end up to twice as late.
    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(1);

    /// <param name="cache">The silo's feature sets in memory; null reads them from blobs.</param>
    public static async Task<TrainingData> BuildAsync(
        IGrainFactory grains, IArtifactStore artifacts, CorpusFeaturesCache? cache, RunConfig config, TrainingOptions options, CancellationToken cancellationToken)
    {
        var sets = await PrepareAsync(grains, config, options, cancellationToken);
        var gestures = config.Method == TrainingMethod.AgCc ? await GestureAnchorsAsync(grains, config, options, cancellationToken) : null;
        var source = await ReadAsync(grains, artifacts, cache, sets[0], config.Features, cancellationToken);
        var target = await ReadAsync(grains, artifacts, cache, sets[1], config.Features, cancellationToken);
        return await Task.Run(() => TrainingDataBuilder.Build(config, source, target, gestures), cancellationToken);
    }

    /// <summary>Both corpora of <paramref name="config"/> registered and ingested, then their feature sets extracted (source first); what the cluster has is reused.</summary>
    public static async Task<FeatureSetStatus[]> PrepareAsync(IGrainFactory grains, RunConfig config, TrainingOptions options, CancellationToken cancellationToken)
    {
        await Task.WhenAll(
            EnsureIngestedAsync(grains, config.Source, "source", options, cancellationToken),
            EnsureIngestedAsync(grains, config.Target, "target", options, cancellationToken));
        return await Task.WhenAll(
            EnsureFeaturesAsync(grains, config.Source.Name, config.Features, options, cancellationToken),
            EnsureFeaturesAsync(grains, config.Target.Name, config.Features, options, cancellationToken));
    }

    private static async Task EnsureIngestedAsync(IGrainFactory grains, CorpusReference reference, string field, TrainingOptions options, CancellationToken cancellationToken)
    {
        var corpus = grains.GetGrain<ICorpusGrain>(reference.Name);
        if (reference.Layout is { } layout)
        {
            var labels = reference.Labels is null ? CremaDLabelSource.FileName : CorpusLayoutReaders.CremaLabelNames[reference.Labels];
            await corpus.Register(new CorpusRegistration(layout, reference.Path!, reference.Landmarks, reference.Alignments, labels));
        }
        else if (await corpus.GetInfo() is null)
        {
            throw new InvalidOperationException(
                $"corpus '{reference.Name}' is not registered: register and ingest it (agcc corpus add, agcc corpus ingest), or give {field}.layout and {field}.path in the config");
        }

        var progress = (await corpus.GetSummary()).Ingestion;
        if (progress.State is IngestionState.NotStarted or IngestionState.Failed) progress = await corpus.StartIngestion();
        progress = await WaitAsync(progress, async () => (await corpus.GetSummary()).Ingestion, p => p.State == IngestionState.Running,
            $"corpus '{reference.Name}'", options, cancellationToken);
        if (progress.State != IngestionState.Completed)
            throw new InvalidOperationException($"corpus '{reference.Name}' is not ingested: {progress.Failure ?? progress.State.ToString().ToLowerInvariant()}; fix it and run agcc corpus ingest {reference.Name}");
    }

    private static async Task<FeatureSetStatus> EnsureFeaturesAsync(IGrainFactory grains, string corpus, FeatureSpec spec, TrainingOptions options, CancellationToken cancellationToken)
    {
        var key = IFeatureSetGrain.KeyOf(corpus, spec);
        var set = grains.GetGrain<IFeatureSetGrain>(key);
        var status = await set.Start(spec);
        await grains.GetGrain<ICatalogGrain>(CatalogKeys.FeatureSets).Add(key);
        status = await WaitAsync(status, set.GetStatus, s => s.IsRunning, $"feature set {key}", options, cancellationToken);
        if (status.Stage != FeatureSetStage.Completed)
            throw new InvalidOperationException($"the {spec.Key} features of corpus '{corpus}' could not be extracted: {status.Failure ?? status.Stage.ToString().ToLowerInvariant()}");
        return status;
    }

    /// <summary>Every gesture segment of both corpora with its hard cluster and its membership of that cluster.</summary>
    private static async Task<List<GestureAnchor>> GestureAnchorsAsync(IGrainFactory grains, RunConfig config, TrainingOptions options, CancellationToken cancellationToken)
    {
        var (name, status) = await EnsureGesturesAsync(grains, config, options, cancellationToken);
        var assignments = await ReadAssignmentsAsync(grains, name, status.Segments);
        return [.. assignments.Select(a => new GestureAnchor(a.Corpus, a.Utterance, a.Start, a.End, a.Cluster, a.Memberships[a.Cluster]))];
    }

    /// <summary>The run's gesture clustering (<see cref="RunGestureClustering"/>), fitted unless the cluster has it; its name and final status.</summary>
    public static async Task<(string Name, GestureClusteringStatus Status)> EnsureGesturesAsync(
        IGrainFactory grains, RunConfig config, TrainingOptions options, CancellationToken cancellationToken)
    {
        var spec = RunGestureClustering.Spec(config);
        var name = RunGestureClustering.Name(spec);
        var clustering = grains.GetGrain<IGestureClusteringGrain>(name);
        var status = await clustering.Start(spec);
        await grains.GetGrain<ICatalogGrain>(CatalogKeys.GestureClusterings).Add(name);
        status = await WaitAsync(status, clustering.GetStatus, s => s.IsRunning, $"gesture clustering {name}", options, cancellationToken);
        if (status.Stage != GestureClusteringStage.Completed)
            throw new InvalidOperationException($"the gesture clustering {name} of {config.Source.Name} and {config.Target.Name} failed: {status.Failure ?? status.Stage.ToString().ToLowerInvariant()}");
        return (name, status);
    }

    /// <summary>All <paramref name="segments"/> assignments of a completed clustering, a page at a time.</summary>
    public static async Task<List<SegmentAssignment>> ReadAssignmentsAsync(IGrainFactory grains, string name, int segments)
    {
        var clustering = grains.GetGrain<IGestureClusteringGrain>(name);
        var assignments = new List<SegmentAssignment>(segments);
        while (assignments.Count < segments)
        {
            var page = await clustering.GetAssignments(assignments.Count, AssignmentPage);
            if (page.Count == 0) throw new InvalidOperationException($"gesture clustering {name}: {assignments.Count} of {segments} assignments could be read");
            assignments.AddRange(page);
        }
        return assignments;
    }

    /// <summary>A completed feature set's utterances with their speakers and emotions, from the silo's cache or read once into it.</summary>
    private static async Task<CorpusFeatures> ReadAsync(
        IGrainFactory grains, IArtifactStore artifacts, CorpusFeaturesCache? cache, FeatureSetStatus set, FeatureSpec spec, CancellationToken cancellationToken)
    {
        var batches = await grains.GetGrain<ICorpusGrain>(set.Corpus).GetBatchArtifacts();
        if (cache is null) return await ReadAsync(artifacts, set, spec, batches, cancellationToken);
        // Everything the read depends on: the corpus's ingestion (its batches), the set's generation, the normalisation.
        var key = $"{set.Corpus}/{set.Key}/{set.Generation}/{spec.Normalization}/{string.Join('|', batches)}";
        // The read is shared by every run waiting for it: none of their cancellations may stop it.
        return await cache.GetAsync(key, () => ReadAsync(artifacts, set, spec, batches, CancellationToken.None), cancellationToken);
    }

    /// <summary>A completed feature set's utterances with their speakers and emotions from the corpus's ingested batches.</summary>
    private static async Task<CorpusFeatures> ReadAsync(
        IArtifactStore artifacts, FeatureSetStatus set, FeatureSpec spec, IReadOnlyList<string> batches, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, UtteranceSource>(StringComparer.Ordinal);
        foreach (var name in batches)
        {
            var content = await artifacts.ReadAsync(name, cancellationToken) ?? throw new InvalidOperationException($"{name} is missing: re-ingest corpus '{set.Corpus}'");
            foreach (var utterance in await Task.Run(() => UtteranceBatchFormat.Read(content, name), cancellationToken)) labels[utterance.Source.Id] = utterance.Source;
        }
        var utterances = new List<LabelledFeatures>(set.Utterances);
        await foreach (var features in FeatureSetReader.ReadAsync(artifacts, set, spec.Normalization, cancellationToken))
        {
            if (!labels.TryGetValue(features.Utterance, out var source))
                throw new InvalidOperationException($"feature set {set.Corpus}/{set.Key} holds utterance {features.Utterance}, which corpus '{set.Corpus}' no longer has: re-extract its features");
            utterances.Add(new LabelledFeatures(source.Speaker, source.Emotion, features));
        }
        var shape = set.Shape ?? throw new InvalidOperationException($"feature set {set.Corpus}/{set.Key} has no shape");
        return new CorpusFeatures(set.Corpus, new FeatureLayout(shape.Planes, shape.Dimensions, new FrameTiming(shape.FrameRate, shape.FirstCentre)), utterances);
    }

    /// <summary>Polls until <paramref name="isRunning"/> is false, the interval doubling up to 1 s; fails after the preparation timeout.</summary>
    private static async Task<T> WaitAsync<T>(T status, Func<Task<T>> poll, Func<T, bool> isRunning, string what, TrainingOptions options, CancellationToken cancellationToken)
    {
        var delay = options.PollInterval;
        var deadline = DateTimeOffset.UtcNow + options.PreparationTimeout;
        while (isRunning(status))
        {
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"{what} did not finish within {options.PreparationTimeout} ({TrainingOptions.Section}:PreparationTimeout)");
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxPoll.Ticks));
            status = await poll();
        }
        return status;
    }
}
