using AgCc.Grains.Training;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AgCc.Grains.Tests.Training;

/// <summary>
/// The run index on the in-process cluster: runs upsert their summaries on launch, on every report
/// and at the end; queries page, sort and filter; an index that lacks runs of the catalog backfills
/// them; edited tags reach the status and the index without changing the config or its hash; a
/// cancelled run launched again resumes from its checkpoint.
/// </summary>
[Trait("Category", Categories.Grain)]
[Collection(ClusterCollection.Name)]
public sealed class RunIndexTests(ClusterFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TrainingRunSetup setup = new(fixture);

    public Task InitializeAsync() => setup.IngestAsync();

    public async Task DisposeAsync() => await setup.DisposeAsync();

    private IRunIndexGrain Index(string key = RunIndexKeys.All) => fixture.Cluster.Client.GetGrain<IRunIndexGrain>(key);

    private async Task<RunSummary> RowAsync(string id, string key = RunIndexKeys.All)
    {
        var page = await Index(key).Query(new RunQuery(Text: id));
        return Assert.Single(page.Items, r => r.Id == id);
    }

    [Fact]
    public async Task A_run_is_indexed_at_launch_and_updated_until_it_completes()
    {
        var id = TrainingRunSetup.UniqueName("idx");
        await setup.Run(id).Launch(setup.Config(extra: "\"tags\": [\"smoke\", \"index\"],"));

        var launched = await RowAsync(id);
        Assert.Equal(("baseline", "4class", setup.Source, setup.Target, 2), (launched.Method, launched.Task, launched.Source, launched.Target, launched.Epochs));
        Assert.Equal(["smoke", "index"], launched.Tags);
        Assert.NotNull(launched.QueuedAt);

        var done = await setup.WaitAsync(id);
        Assert.True(done.State == TrainingRunState.Completed, done.Failure);
        var row = await RowAsync(id);
        Assert.Equal((TrainingRunState.Completed, 2, done.Result!.Uar), (row.State, row.Epoch, row.TargetUar));
        Assert.Equal(done.History.Max(h => h.DevelopmentUar), row.BestDevelopmentUar);
        Assert.Equal((done.QueuedAt, done.StartedAt, done.FinishedAt), (row.QueuedAt, row.StartedAt, row.FinishedAt));
        Assert.True(RunSummary.From(done)!.SameAs(row));

        var byCorpus = await Index().Query(new RunQuery(Corpus: setup.Target, Tag: "SMOKE"));
        Assert.Equal([id], byCorpus.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Queries_page_sort_and_filter_in_the_grain()
    {
        // An index of its own (its backfill adds the cluster's other runs: the filters keep them out).
        var index = Index(TrainingRunSetup.UniqueName("index"));
        var corpus = TrainingRunSetup.UniqueName("corp");
        for (var i = 0; i < 25; i++)
        {
            await index.Upsert(new RunSummary($"q-{corpus}-{i:00}", i % 5 == 0 ? TrainingRunState.Failed : TrainingRunState.Completed,
                i % 2 == 0 ? "ag-cc" : "baseline", i % 3 == 0 ? "arousal" : "4class", corpus, "other", i < 5 ? ["paper"] : [],
                10, 10, 0.5, i == 7 ? null : 0.01 * i, T0.AddMinutes(i), T0.AddMinutes(i), T0.AddMinutes(2 * i)));
        }

        var all = await index.Query(new RunQuery(Count: 10, Corpus: corpus));
        Assert.Equal(25, all.Total);
        Assert.Equal(Enumerable.Range(15, 10).Reverse().Select(i => $"q-{corpus}-{i:00}"), all.Items.Select(r => r.Id)); // newest first

        var second = await index.Query(new RunQuery(Offset: 10, Count: 10, Sort: RunSortField.TargetUar, Descending: false, Corpus: corpus));
        Assert.Equal([11, 12, 13, 14, 15, 16, 17, 18, 19, 20], second.Items.Select(r => int.Parse(r.Id[^2..])));
        var last = await index.Query(new RunQuery(Offset: 20, Count: 10, Sort: RunSortField.TargetUar, Descending: true, Corpus: corpus));
        Assert.Equal([3, 2, 1, 0, 7], last.Items.Select(r => int.Parse(r.Id[^2..]))); // no result last, either way

        var durations = await index.Query(new RunQuery(Count: 3, Sort: RunSortField.Duration, Corpus: corpus));
        Assert.Equal([24, 23, 22], durations.Items.Select(r => int.Parse(r.Id[^2..])));

        Assert.Equal(5, (await index.Query(new RunQuery(State: TrainingRunState.Failed, Corpus: corpus))).Total);
        Assert.Equal(13, (await index.Query(new RunQuery(Method: "AG-CC", Corpus: corpus))).Total);
        Assert.Equal(9, (await index.Query(new RunQuery(Task: "arousal", Corpus: corpus))).Total);
        Assert.Equal(5, (await index.Query(new RunQuery(Tag: "paper", Corpus: corpus))).Total);
        Assert.Equal(["q-" + corpus + "-07"], (await index.Query(new RunQuery(Text: corpus.ToUpperInvariant() + "-07"))).Items.Select(r => r.Id));
        Assert.Equal(2, (await index.Query(new RunQuery(State: TrainingRunState.Failed, Method: "ag-cc", Task: "4class", Corpus: corpus))).Total);

        // An upsert replaces the row.
        await index.Upsert(new RunSummary($"q-{corpus}-07", TrainingRunState.Cancelled, "baseline", "4class", corpus, "other", ["x"], 3, 10, null, null, T0, null, null));
        var replaced = await index.Query(new RunQuery(Text: $"{corpus}-07"));
        Assert.Equal((1, TrainingRunState.Cancelled, 25), (replaced.Total, replaced.Items[0].State, (await index.Query(new RunQuery(Corpus: corpus))).Total));
    }

    [Fact]
    public async Task An_index_without_the_catalogs_runs_backfills_them_from_their_statuses()
    {
        var id = TrainingRunSetup.UniqueName("fill");
        await setup.Run(id).Launch(setup.Config(extra: "\"tags\": [\"backfill\"],"));
        var done = await setup.WaitAsync(id);

        // A fresh index (nothing upserted into it) is empty on activation: it fills itself from the catalog.
        var row = await RowAsync(id, TrainingRunSetup.UniqueName("fresh"));
        Assert.True(RunSummary.From(done)!.SameAs(row));
        Assert.Equal(["backfill"], row.Tags);
    }

    [Fact]
    public async Task Tags_are_validated_and_naming_the_tag()
    {
        var id = TrainingRunSetup.UniqueName("tagbad");
        var never = await Assert.ThrowsAsync<InvalidOperationException>(() => setup.Run(id).SetTags(["a"]));
        Assert.Contains(id, never.Message);

        await setup.Run(id).Launch(setup.Config(epochs: 1));
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => setup.Run(id).SetTags(["ok", " "]));
        Assert.Contains("tags[1]", empty.Message);
        var longTag = new string('x', 65);
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => setup.Run(id).SetTags(["ok", longTag]));
        Assert.Contains("tags[1]", tooLong.Message);
        Assert.Contains("xxxxxxxxxx", tooLong.Message);
        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() => setup.Run(id).SetTags([.. Enumerable.Range(0, 21).Select(i => $"t{i}")]));
        Assert.Contains("at most 20", tooMany.Message);
        await setup.Run(id).SetTags([.. Enumerable.Range(0, 20).Select(i => $"t{i}")]);
        await setup.Run(id).SetTags([new string('y', 64)]);
        await setup.WaitAsync(id);
    }

    [Fact]
    public async Task Edited_tags_show_in_status_and_index_and_leave_the_config_and_relaunch_alone()
    {
        var id = TrainingRunSetup.UniqueName("tags");
        var config = setup.Config(extra: "\"tags\": [\"from-config\"],");
        var launched = await setup.Run(id).Launch(config);
        Assert.Null(launched.Tags); // the config's
        var done = await setup.WaitAsync(id);

        var tagged = await setup.Run(id).SetTags(["edited", "paper"]);
        Assert.Equal(["edited", "paper"], tagged.Tags!);
        Assert.Equal(done.Config, tagged.Config);
        Assert.Contains("from-config", tagged.Config);

        var row = await RowAsync(id);
        Assert.Equal(["edited", "paper"], row.Tags);
        Assert.Equal([id], (await Index().Query(new RunQuery(Tag: "edited", Text: id))).Items.Select(r => r.Id));
        Assert.Empty((await Index().Query(new RunQuery(Tag: "from-config", Text: id))).Items);

        // The same config is still the same launch: no error, nothing restarted.
        var again = await setup.Run(id).Launch(config);
        Assert.Equal((TrainingRunState.Completed, done.QueuedAt, done.FinishedAt), (again.State, again.QueuedAt, again.FinishedAt));
        Assert.Equal(["edited", "paper"], again.Tags!);

        // Clearing them leaves no tag (not the config's).
        Assert.Empty((await setup.Run(id).SetTags([])).Tags!);
        Assert.Empty((await RowAsync(id)).Tags);
    }

    [Fact]
    public async Task A_cancelled_run_launched_again_resumes_from_its_checkpoint()
    {
        var id = TrainingRunSetup.UniqueName("resume");
        var config = setup.Config(epochs: 10_000);
        await setup.Run(id).Launch(config);
        await setup.WaitAsync(id, s => s.History.Count >= 1 || !s.IsActive);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await fixture.Artifacts.ReadAsync(TrainingArtifacts.Checkpoint(id)) is null && DateTime.UtcNow < deadline) await Task.Delay(50);
        await setup.Run(id).Cancel();
        var trainer = fixture.Cluster.Client.GetGrain<ITrainerGrain>(id);
        while ((await trainer.GetStatus()).Running && DateTime.UtcNow < deadline) await Task.Delay(50);
        var cancelled = await setup.Run(id).GetStatus();
        Assert.Equal(TrainingRunState.Cancelled, cancelled.State);
        Assert.Equal(TrainingRunState.Cancelled, (await RowAsync(id)).State);

        var resumed = await setup.Run(id).Launch(config);
        Assert.True(resumed.IsActive, $"{resumed.State}");
        Assert.Null(resumed.FinishedAt);
        Assert.Equal(cancelled.QueuedAt, resumed.QueuedAt);
        Assert.True((await RowAsync(id)).IsActive);

        var training = await setup.WaitAsync(id, s => (s.Resumes >= 1 && s.History.Count > cancelled.History.Count) || !s.IsActive);
        Assert.True(training.IsActive, training.Failure);
        Assert.Equal(1, training.Resumes);
        Assert.Equal(Enumerable.Range(1, training.History.Count), training.History.Select(h => h.Epoch));
        Assert.Equal(cancelled.History[0], training.History[0]); // the checkpoint's history is kept

        await setup.Run(id).Cancel();
        Assert.Equal(TrainingRunState.Cancelled, (await setup.Run(id).GetStatus()).State);
        while ((await trainer.GetStatus()).Running && DateTime.UtcNow < deadline.AddSeconds(30)) await Task.Delay(50);
    }

    [Fact]
    public void The_index_and_a_tagged_run_read_back_through_the_storage_serializer()
    {
        var serializer = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IGrainStorageSerializer>();
        var index = new RunIndexState
        {
            Runs = [new RunSummary("r", TrainingRunState.Training, "ag-cc", "4class", "a", "b", ["x", "y"], 3, 10, 0.5, null, T0, T0, null)],
        };
        var read = serializer.Deserialize<RunIndexState>(serializer.Serialize(index));
        Assert.True(index.Runs[0].SameAs(Assert.Single(read!.Runs)));

        var run = new TrainingRunGrainState { Config = "{}", ConfigHash = "h", Tags = ["edited"] };
        Assert.Equal(["edited"], serializer.Deserialize<TrainingRunGrainState>(serializer.Serialize(run))!.Tags!);
    }
}
