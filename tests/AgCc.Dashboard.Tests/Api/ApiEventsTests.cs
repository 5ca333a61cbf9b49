using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgCc.Client.Api;
using AgCc.Grains.Experiments;
using AgCc.Grains.Training;

namespace AgCc.Dashboard.Tests.Api;

/// <summary>Live progress as server-sent events: a run's from its pushes, an experiment's from its status, each ending with `end`.</summary>
[Trait("Category", "Unit")]
public sealed class ApiEventsTests : IAsyncLifetime
{
    private ApiHost host = null!;
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));

    public async Task InitializeAsync() => host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["AgCc:Api:ExperimentPollInterval"] = "00:00:00.050" });

    public async Task DisposeAsync()
    {
        timeout.Dispose();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_runs_events_are_its_status_each_epoch_once_and_a_final_end()
    {
        var launch = await (await host.Http.PostAsync("/api/v1/runs", new StringContent(ApiSamples.RunJson(), Encoding.UTF8, "application/json")))
            .Content.ReadFromJsonAsync<RunLaunch>(ApiJson.Options);
        using var response = await host.Http.GetAsync($"/api/v1/runs/{launch!.Id}/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var first = await events.NextAsync(timeout.Token);
        Assert.Equal(ApiEvents.Status, first!.Value.Type);
        Assert.Equal("queued", JsonDocument.Parse(first.Value.Data).RootElement.GetProperty("state").GetString());

        // The stream is subscribed (it sent the first status): each change is pushed.
        var run = host.Cluster.Run(launch.Id);
        EpochMetricsRecord Epoch(int n) => new(n, 10, 1.0 / n, 1.0 / n, 0, 0, 0, 0.4, 0.3, 0.3, 0.3, 1.5);
        host.Cluster.SetRun(run with { State = TrainingRunState.Training, Epoch = 1, History = [Epoch(1)] });
        Assert.Equal(ApiEvents.Epoch, (await events.NextAsync(timeout.Token))!.Value.Type);
        Assert.Equal(ApiEvents.Status, (await events.NextAsync(timeout.Token))!.Value.Type);
        host.Cluster.SetRun(run with { State = TrainingRunState.Completed, Epoch = 2, History = [Epoch(1), Epoch(2)], FinishedAt = DateTimeOffset.UtcNow });

        var epoch = await events.NextAsync(timeout.Token);
        Assert.Equal(ApiEvents.Epoch, epoch!.Value.Type);
        Assert.Equal(2, JsonSerializer.Deserialize<EpochMetricsRecord>(epoch.Value.Data, ApiJson.Options)!.Epoch);
        var end = await events.NextAsync(timeout.Token);
        Assert.Equal(ApiEvents.End, end!.Value.Type);
        Assert.Equal(TrainingRunState.Completed, JsonSerializer.Deserialize<RunSummary>(end.Value.Data, ApiJson.Options)!.State);
        Assert.Null(await events.NextAsync(timeout.Token)); // the server closes the stream
    }

    [Fact]
    public async Task An_experiments_events_follow_its_status_to_the_end()
    {
        await host.Http.PostAsync("/api/v1/experiments", new StringContent(ApiSamples.ExperimentJson("sse-grid"), Encoding.UTF8, "application/json"));
        using var response = await host.Http.GetAsync("/api/v1/experiments/sse-grid/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var first = await events.NextAsync(timeout.Token);
        Assert.Equal(ApiEvents.Status, first!.Value.Type);
        var status = JsonSerializer.Deserialize<ExperimentStatus>(first.Value.Data, ApiJson.Options)!;
        Assert.Equal(ExperimentStage.Preparing, status.Stage);
        host.Cluster.SetExperiment(status with { Stage = ExperimentStage.Completed, FinishedAt = DateTimeOffset.UtcNow });

        (string Type, string Data)? next;
        do next = await events.NextAsync(timeout.Token);
        while (next?.Type == ApiEvents.Status);
        Assert.Equal(ApiEvents.End, next!.Value.Type);
        Assert.Equal(ExperimentStage.Completed, JsonSerializer.Deserialize<ExperimentStatus>(next.Value.Data, ApiJson.Options)!.Stage);
        Assert.Null(await events.NextAsync(timeout.Token));
    }
}
