using System.Text.Json;
using AgCc.Core.Gestures;
using AgCc.Core.Landmarks;
using AgCc.Core.Statistics;
using AgCc.Grains.Corpora;
using Microsoft.Extensions.Logging;

namespace AgCc.Grains.Gestures;

// The background loop: prepare → fit (checkpointed) → assign and summarise. It runs on the
// grain's scheduler between its calls; the heavy work runs in the partition grains.
public sealed partial class GestureClusteringGrain
{
    private void EnsureLoop()
    {
        if (loop is null || loop.IsCompleted) loop = RunAsync();
    }

    private async Task RunAsync()
    {
        var generation = State.Generation;
        var restarts = 0;
        while (IsRunning && State.Generation == generation)
        {
            try
            {
                if (State.Stage == GestureClusteringStage.Preparing) await PrepareAsync();
                if (State.Stage == GestureClusteringStage.Fitting) await FitAsync();
                if (State.Stage == GestureClusteringStage.Assigning) await AssignAsync();
            }
            catch (Exception e)
            {
                // Partition calls already retry; this is a failed stage. Redo it from durable state,
                // unless it failed on bad input, which a redo cannot fix.
                restarts++;
                logger.LogWarning(e, "clustering {Name}: {Stage} failed (restart {Restart})", Name, State.Stage, restarts);
                if (restarts > options.Value.Restarts || e is ArgumentException or InvalidOperationException or InvalidDataException)
                {
                    State.Failure = $"{State.Stage.ToString().ToLowerInvariant()}: {e.Message}";
                    State.Stage = GestureClusteringStage.Failed;
                    State.FinishedAt = clock.GetUtcNow();
                }
                else
                {
                    State.Resumes++;
                }
                await state.WriteStateAsync();
            }
        }
        if (!IsRunning && await this.GetReminder(ResumeReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    /// <summary>
    /// Numbers the corpora's segments, draws the fit subsample and writes the partition blobs
    /// (idempotent). Segments stream through: only the partition being filled is held, as float32.
    /// </summary>
    private async Task PrepareAsync()
    {
        var spec = State.Spec!;
        var total = 0;
        foreach (var corpus in spec.Corpora) total += (await GrainFactory.GetGrain<ICorpusGrain>(corpus).GetSummary()).Ingestion.Segments;
        if (total < spec.Clusters)
            throw new InvalidOperationException($"clustering '{Name}': {total} gesture segments in {string.Join(", ", spec.Corpora)}, fewer than k = {spec.Clusters}");
        var fit = spec.FitSubsample > 0 && spec.FitSubsample < total ? SeededSubsample.Choose(total, spec.FitSubsample, spec.Seed) : null;
        var inFit = fit?.ToHashSet();
        var all = new PartitionSetWriter(WritePartition(GestureArtifacts.AllSet), total, Math.Min(spec.Partitions, total));
        var fitted = fit is null ? null : new PartitionSetWriter(WritePartition(GestureArtifacts.FitSet), fit.Length, Math.Min(spec.Partitions, fit.Length));
        var rows = new List<SegmentRow>(total);
        await foreach (var (row, segment) in GestureSegmentTable.ReadAsync(GrainFactory, artifacts, spec.Corpora, CancellationToken.None))
        {
            if (rows.Count == total) throw new InvalidOperationException($"clustering '{Name}': the corpora hold more segments than their ingestion counted ({total})");
            if (inFit is not null && inFit.Contains(rows.Count)) await fitted!.AddAsync(segment);
            rows.Add(row);
            await all.AddAsync(segment);
        }
        if (rows.Count != total) throw new InvalidOperationException($"clustering '{Name}': {rows.Count} segments read, the ingestion counted {total}");
        await artifacts.WriteAsync(GestureArtifacts.Segments(Name, State.Generation),
            await Task.Run(() => GestureSegmentTable.Csv(rows, inFit)));

        State.Segments = total;
        State.FitSegments = fit?.Length ?? total;
        State.AllPartitions = all.Names;
        State.FitPartitions = fitted?.Names ?? all.Names;
        State.Checkpoints = 0;
        State.InertiaTrace = [];
        State.MovedTrace = [];
        State.Stage = GestureClusteringStage.Fitting;
        await state.WriteStateAsync();
    }

    private Func<int, byte[], Task<string>> WritePartition(string set) => async (partition, content) =>
    {
        var name = GestureArtifacts.Partition(Name, State.Generation, set, partition);
        await artifacts.WriteAsync(name, content);
        return name;
    };

    /// <summary>Fills a set's partitions in order (contiguous, as <see cref="LocalKMeansPartitions.Split"/> cuts them), writing each when full.</summary>
    private sealed class PartitionSetWriter(Func<int, byte[], Task<string>> write, int count, int partitions)
    {
        private readonly (int Offset, int Count)[] ranges = LocalKMeansPartitions.Split(count, partitions);
        private TimeSeriesBinaryWriter? writer;

        public List<string> Names { get; } = [];

        public async Task AddAsync(GestureSegment segment)
        {
            writer ??= new TimeSeriesBinaryWriter(ranges[Names.Count].Count, MouthTrack.ValuesPerFrame);
            writer.Add(segment.Values, segment.Frames);
            if (writer.Written < ranges[Names.Count].Count) return;
            Names.Add(await write(Names.Count, writer.Complete()));
            writer = null;
        }
    }

    private async Task FitAsync()
    {
        var spec = State.Spec!;
        var partitions = new GrainKMeansPartitions(GrainFactory, State.FitPartitions, options.Value, logger);
        var resume = await ReadCheckpointAsync();
        await TimeSeriesKMeans.FitAsync(partitions, KMeansOptions(spec), resume, async checkpoint =>
        {
            await artifacts.WriteAsync(GestureArtifacts.Checkpoint(Name, State.Generation), CheckpointDocument.Write(checkpoint));
            State.Checkpoints = checkpoint.Iteration + 1;
            State.InertiaTrace = [.. checkpoint.InertiaTrace];
            State.MovedTrace = [.. checkpoint.MovedTrace];
            await state.WriteStateAsync();
        });
        State.Stage = GestureClusteringStage.Assigning;
        await state.WriteStateAsync();
    }

    /// <summary>Every segment to its nearest centre, with soft memberships; then the statistics.</summary>
    private async Task AssignAsync()
    {
        var spec = State.Spec!;
        var checkpoint = await ReadCheckpointAsync() ?? throw new InvalidOperationException($"clustering '{Name}': no checkpoint to assign with");
        var partitions = new GrainKMeansPartitions(GrainFactory, State.AllPartitions, options.Value, logger);
        var (labels, distances) = await TimeSeriesKMeans.AssignAsync(partitions, checkpoint.Centers, spec.Gamma);
        var segmentsBlob = GestureArtifacts.Segments(Name, State.Generation);
        var segments = await artifacts.ReadAsync(segmentsBlob) ?? throw new InvalidOperationException($"{segmentsBlob} is missing");
        var (assignments, statistics) = await Task.Run(() =>
        {
            var rows = GestureSegmentTable.ReadCsv(segments, segmentsBlob);
            return (GestureClusteringOutputs.AssignmentsCsv(labels, distances, spec.Temperature),
                GestureClusteringOutputs.Statistics(rows, labels, spec.Clusters, spec.Corpora));
        });
        await artifacts.WriteAsync(GestureArtifacts.Assignments(Name, State.Generation), assignments);
        await artifacts.WriteAsync(GestureArtifacts.Centers(Name, State.Generation), GestureClusteringOutputs.CentersCsv(checkpoint.Centers));
        State.Statistics = [.. statistics];
        State.Stage = GestureClusteringStage.Completed;
        State.FinishedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
    }

    private async Task<KMeansCheckpoint?> ReadCheckpointAsync()
    {
        if (State.Checkpoints == 0) return null;
        var name = GestureArtifacts.Checkpoint(Name, State.Generation);
        var content = await artifacts.ReadAsync(name) ?? throw new InvalidOperationException($"{name} is missing");
        return CheckpointDocument.Read(content, name);
    }

    private static TimeSeriesKMeansOptions KMeansOptions(GestureClusteringSpec spec) => new()
    {
        Clusters = spec.Clusters,
        Gamma = spec.Gamma,
        MaxIterations = spec.MaxIterations,
        MaxIterationsBarycenter = spec.MaxIterationsBarycenter,
        Tolerance = spec.Tolerance,
        Init = spec.Init == GestureInit.First ? KMeansInit.First : KMeansInit.KMeansPlusPlus,
        Seed = spec.Seed,
    };

    /// <summary>A checkpoint as JSON (doubles round-trip exactly).</summary>
    private sealed record CheckpointDocument(
        int Iteration, int Length, int Dimensions, double[][] Centers, double[] InertiaTrace, int[] MovedTrace, int[] Labels, int Refilled, bool Converged)
    {
        public static byte[] Write(KMeansCheckpoint c) => JsonSerializer.SerializeToUtf8Bytes(new CheckpointDocument(
            c.Iteration, c.Centers[0].Length, c.Centers[0].Dimensions, [.. c.Centers.Select(s => s.Values)],
            [.. c.InertiaTrace], [.. c.MovedTrace], c.Labels, c.EmptyClustersRefilled, c.Converged));

        public static KMeansCheckpoint Read(byte[] content, string name)
        {
            var d = JsonSerializer.Deserialize<CheckpointDocument>(content) ?? throw new InvalidDataException($"{name}: empty checkpoint");
            return new KMeansCheckpoint(d.Iteration, [.. d.Centers.Select(v => new TimeSeries(d.Length, d.Dimensions, v))],
                d.InertiaTrace, d.MovedTrace, d.Labels, d.Refilled, d.Converged);
        }
    }
}
