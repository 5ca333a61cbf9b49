using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgCc.Client.Api;
using AgCc.Core.Corpora;
using AgCc.Core.Experiments.Results;
using AgCc.Grains.Cluster;
using AgCc.Grains.Corpora;
using AgCc.Grains.Experiments;
using AgCc.Grains.Gestures;

namespace AgCc.Dashboard.Tests.Api;

/// <summary>/api/v1 corpora, gestures, experiments and cluster in process, with the records the .NET client returns.</summary>
[Trait("Category", "Unit")]
public sealed class ApiResourcesTests : IAsyncLifetime
{
    private ApiHost host = null!;

    public async Task InitializeAsync() => host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Corpora_list_and_detail_with_counts_and_rejections()
    {
        var info = new CorpusInfo("crema-d", CorpusLayout.CremaD, "/data/crema-d", DateTimeOffset.UnixEpoch);
        host.Cluster.Corpora["crema-d"] = new CorpusSummary(info,
            IngestionProgress.None with { State = IngestionState.Completed, Listed = 3, Processed = 3, Accepted = 2, Rejected = 1 },
            new Dictionary<Emotion, int> { [Emotion.Anger] = 2 }, new Dictionary<string, int> { ["1001"] = 2 });
        host.Cluster.Rejections["crema-d"] = [new RejectedUtterance("1001_X", "AudioWAV/1001_X.wav", "not a WAV file", false)];

        var list = await host.Http.GetFromJsonAsync<CorpusInfo[]>("/api/v1/corpora", ApiJson.Options);
        Assert.Equal(info, Assert.Single(list!));
        var raw = await host.Http.GetStringAsync("/api/v1/corpora/crema-d");
        Assert.Contains("\"layout\":\"crema-d\"", raw); // kebab-case enum names, as the config documents write them
        var detail = JsonSerializer.Deserialize<CorpusDetail>(raw, ApiJson.Options)!;
        Assert.Equal(2, detail.Summary.Ingestion.Accepted);
        Assert.Equal(2, detail.Summary.EmotionCounts[Emotion.Anger]);
        Assert.Equal("not a WAV file", Assert.Single(detail.Rejections).Reason);

        await ApiRunsTests.ProblemAsync(await host.Http.GetAsync("/api/v1/corpora/msp-improv"), HttpStatusCode.NotFound);
        await ApiRunsTests.ProblemAsync(await host.Http.GetAsync("/api/v1/corpora/Not%20A%20Name"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Gesture_clusterings_list_and_detail_with_statistics()
    {
        var status = new GestureClusteringStatus("g1", GestureClusteringStage.Completed, new GestureClusteringSpec(["a", "b"]), 1, 100, 80, 5,
            [3.0, 2.0], [10, 0], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, 0, null);
        var statistics = new GestureClusterStatistics(0, 100, new Dictionary<string, int> { ["a"] = 60, ["b"] = 40 },
            new Dictionary<string, IReadOnlyDictionary<Emotion, int>> { ["a"] = new Dictionary<Emotion, int> { [Emotion.Happiness] = 60 } },
            new Dictionary<string, int> { ["AA"] = 100 }, true, 0.25);
        host.Cluster.Clusterings["g1"] = (status, new GestureClusteringResult(2.0, 5, ["a", "b"], [statistics], new GestureCenters(1, 2, [[0f, 1f]])));

        var list = await host.Http.GetFromJsonAsync<GestureClusteringStatus[]>("/api/v1/gestures", ApiJson.Options);
        Assert.Equal("g1", Assert.Single(list!).Name);
        var detail = await host.Http.GetFromJsonAsync<GestureClusteringDetail>("/api/v1/gestures/g1", ApiJson.Options);
        Assert.Equal(GestureClusteringStage.Completed, detail!.Status.Stage);
        var cluster = Assert.Single(detail.Result!.Clusters);
        Assert.Equal(0.25, cluster.JensenShannon);
        Assert.Equal(60, cluster.EmotionsByCorpus["a"][Emotion.Happiness]);
        await ApiRunsTests.ProblemAsync(await host.Http.GetAsync("/api/v1/gestures/none"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Experiments_start_once_report_results_in_three_formats_and_cancel()
    {
        var created = await host.Http.PostAsync("/api/v1/experiments", new StringContent(ApiSamples.ExperimentJson(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var again = await host.Http.PostAsync("/api/v1/experiments", new StringContent(ApiSamples.ExperimentJson(), Encoding.UTF8, "application/json"));
        Assert.False((await again.Content.ReadFromJsonAsync<ExperimentLaunch>(ApiJson.Options))!.Created);

        var status = await host.Http.GetFromJsonAsync<ExperimentStatus>("/api/v1/experiments/api-grid", ApiJson.Options);
        Assert.Equal(4, status!.Runs.Count); // one method × two directions × two tasks × one seed
        Assert.Single((await host.Http.GetFromJsonAsync<ExperimentStatus[]>("/api/v1/experiments", ApiJson.Options))!);
        var expected = AgCc.Client.AgCcClient.Results(status);
        foreach (var format in new[] { "json", "csv", "md" })
            Assert.Equal(ExperimentTableFormats.Write(expected, format), await host.Http.GetStringAsync($"/api/v1/experiments/api-grid/results?format={format}"));
        Assert.Equal(ExperimentTableFormats.Json(expected), await host.Http.GetStringAsync("/api/v1/experiments/api-grid/results"));
        await ApiRunsTests.ProblemAsync(await host.Http.GetAsync("/api/v1/experiments/api-grid/results?format=xlsx"), HttpStatusCode.BadRequest);

        var cancelled = await host.Http.PostAsync("/api/v1/experiments/api-grid/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        Assert.Equal(ExperimentStage.Cancelled, (await cancelled.Content.ReadFromJsonAsync<ExperimentStatus>(ApiJson.Options))!.Stage);

        var invalid = await host.Http.PostAsync("/api/v1/experiments", new StringContent(AgCc.Core.Experiments.ExperimentConfigJson.Write(ApiSamples.Experiment("x") with { Seeds = [] }), Encoding.UTF8, "application/json"));
        var problem = await ApiRunsTests.ProblemAsync(invalid, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("seeds", out _), problem.ToString());
        foreach (var path in new[] { "/api/v1/experiments/none", "/api/v1/experiments/none/results", "/api/v1/experiments/none/events" })
            await ApiRunsTests.ProblemAsync(await host.Http.GetAsync(path), HttpStatusCode.NotFound);
        await ApiRunsTests.ProblemAsync(await host.Http.PostAsync("/api/v1/experiments/none/cancel", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cluster_status_and_statistics()
    {
        var status = await host.Http.GetFromJsonAsync<ClusterStatus>("/api/v1/cluster", ApiJson.Options);
        Assert.Equal("cpu", Assert.Single(status!.Silos).Role);
        var statistics = await host.Http.GetFromJsonAsync<ClusterStatistics>("/api/v1/cluster/statistics", ApiJson.Options);
        Assert.Equal(12, Assert.Single(statistics!.Silos).Activations);
    }
}
