using AgCc.Artifacts;
using AgCc.Core.Corpora;
using AgCc.Core.Gestures;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace AgCc.Grains.Gestures;

/// <summary>
/// A gesture clustering: accepts a spec, then a background loop in this activation prepares the
/// segments (partition blobs), fits soft-DTW k-means over <see cref="GesturePartitionGrain"/>s with
/// a checkpoint after every iteration, assigns every segment and computes the statistics. A
/// reminder brings it back after its silo dies; the fit resumes from its last checkpoint and ends
/// exactly where the uninterrupted fit would have.
/// </summary>
public sealed partial class GestureClusteringGrain(
    [PersistentState("clustering", GrainStorage.Name)] IPersistentState<GestureClusteringState> state,
    IArtifactStore artifacts,
    IOptions<GestureClusteringOptions> options,
    TimeProvider clock,
    ILogger<GestureClusteringGrain> logger) : Grain, IGestureClusteringGrain, IRemindable
{
    private const string ResumeReminder = "resume-clustering";
    private Task? loop;
    private List<SegmentAssignment>? assignmentsCache;
    private GestureCenters? centersCache;

    private string Name => this.GetPrimaryKeyString();

    private GestureClusteringState State => state.State;

    private bool IsRunning => State.Stage is GestureClusteringStage.Preparing or GestureClusteringStage.Fitting or GestureClusteringStage.Assigning;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!IsRunning) return;
        // A new activation of an unfinished clustering: its silo died (or it was deactivated) mid-fit.
        State.Resumes++;
        await state.WriteStateAsync(cancellationToken);
        EnsureLoop();
    }

    public async Task<GestureClusteringStatus> Start(GestureClusteringSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<string>();
        if (CorpusName.Problem(Name, "clustering") is { } nameProblem) problems.Add(nameProblem);
        problems.AddRange(spec.Problems());
        problems.AddRange(spec.Corpora.Select(c => CorpusName.Problem(c)).OfType<string>().Select(p => $"corpora: {p}"));
        if (problems.Count > 0) throw new ArgumentException($"clustering '{Name}': {string.Join("; ", problems)}", nameof(spec));

        if (State.Spec is { } current && current.SameAs(spec) && State.Stage != GestureClusteringStage.Failed)
        {
            if (IsRunning) EnsureLoop();
            return Status();
        }

        // One fit at a time: a new spec waits until the running one has finished.
        if (IsRunning)
            throw new InvalidOperationException($"clustering '{Name}' is {State.Stage.ToString().ToLowerInvariant()} with another spec; start the new one when it has finished, or under another name");
        var sameSpec = State.Spec is { } previous && previous.SameAs(spec);
        state.State = new GestureClusteringState
        {
            Spec = spec,
            // A failed clustering retried with its spec keeps its generation: its blobs are still right.
            Generation = sameSpec ? State.Generation : State.Generation + 1,
            Stage = GestureClusteringStage.Preparing,
            StartedAt = clock.GetUtcNow(),
        };
        assignmentsCache = null;
        centersCache = null;
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        EnsureLoop();
        return Status();
    }

    public Task<GestureClusteringStatus> GetStatus() => Task.FromResult(Status());

    public async Task<GestureClusteringResult?> GetResult()
    {
        if (State.Stage != GestureClusteringStage.Completed || State.Spec is not { } spec) return null;
        centersCache ??= await ReadCentersAsync();
        // The inertia of the last in-loop assignment; one trace entry per iteration.
        return new GestureClusteringResult(State.InertiaTrace[^1], State.InertiaTrace.Count, spec.Corpora, State.Statistics, centersCache);
    }

    public async Task<IReadOnlyList<SegmentAssignment>> GetAssignments(int offset, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (State.Stage != GestureClusteringStage.Completed) return [];
        assignmentsCache ??= await ReadAssignmentsAsync();
        return [.. assignmentsCache.Skip(offset).Take(Math.Min(count, 1000))];
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (IsRunning) EnsureLoop();
        return Task.CompletedTask;
    }

    private GestureClusteringStatus Status() => new(
        Name,
        State.Stage,
        State.Spec,
        State.Generation,
        State.Segments,
        State.FitSegments,
        State.InertiaTrace.Count,
        [.. State.InertiaTrace],
        [.. State.MovedTrace],
        State.StartedAt,
        State.FinishedAt,
        State.Failure,
        State.Resumes,
        State.Stage == GestureClusteringStage.Completed
            ? new GestureClusteringArtifacts(
                GestureArtifacts.Segments(Name, State.Generation),
                GestureArtifacts.Centers(Name, State.Generation),
                GestureArtifacts.Assignments(Name, State.Generation))
            : null);

    private async Task<GestureCenters> ReadCentersAsync()
    {
        var checkpoint = await ReadCheckpointAsync() ?? throw new InvalidOperationException($"clustering '{Name}': its checkpoint is missing");
        var centers = checkpoint.Centers;
        return new GestureCenters(centers[0].Length, centers[0].Dimensions, [.. centers.Select(c => c.Values.Select(v => (float)v).ToArray())]);
    }

    private async Task<List<SegmentAssignment>> ReadAssignmentsAsync()
    {
        var segmentsBlob = GestureArtifacts.Segments(Name, State.Generation);
        var assignmentsBlob = GestureArtifacts.Assignments(Name, State.Generation);
        var segments = await artifacts.ReadAsync(segmentsBlob) ?? throw new InvalidOperationException($"{segmentsBlob} is missing");
        var assignments = await artifacts.ReadAsync(assignmentsBlob) ?? throw new InvalidOperationException($"{assignmentsBlob} is missing");
        return await Task.Run(() =>
        {
            var rows = GestureSegmentTable.ReadCsv(segments, segmentsBlob);
            var memberships = GestureClusteringOutputs.ReadAssignments(assignments, assignmentsBlob);
            if (rows.Count != memberships.Count) throw new InvalidDataException($"{assignmentsBlob}: {memberships.Count} rows for {rows.Count} segments");
            return rows.Select((r, i) => new SegmentAssignment(i, r.Corpus, r.Utterance, r.Phone, r.Emotion, r.Start, r.End,
                memberships[i].Cluster, memberships[i].Memberships)).ToList();
        });
    }
}
