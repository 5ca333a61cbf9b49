using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgCc.Client.Api;
using AgCc.Grains.Training;

namespace AgCc.Dashboard.Tests.Api;

/// <summary>/api/v1/runs in process: launch (idempotent, validated, size-limited), list, detail, metrics, cancel.</summary>
[Trait("Category", "Unit")]
public sealed class ApiRunsTests : IAsyncLifetime
{
    private ApiHost host = null!;

    public async Task InitializeAsync() => host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["AgCc:Api:MaxRequestBodyBytes"] = "8192" });

    public async Task DisposeAsync() => await host.DisposeAsync();

    private Task<HttpResponseMessage> PostAsync(string path, string body) =>
        host.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task A_launch_creates_the_run_once_and_an_equal_launch_answers_the_same_run()
    {
        var created = await PostAsync("/api/v1/runs", ApiSamples.RunJson());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var launch = (await created.Content.ReadFromJsonAsync<JsonElement>());
        var id = ApiSamples.Run().RunId();
        Assert.Equal(id, launch.GetProperty("id").GetString());
        Assert.True(launch.GetProperty("created").GetBoolean());
        Assert.Equal("queued", launch.GetProperty("status").GetProperty("state").GetString()); // enums as names
        Assert.Equal($"/api/v1/runs/{id}", created.Headers.Location!.OriginalString);

        var again = await PostAsync("/api/v1/runs", ApiSamples.RunJson());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False((await again.Content.ReadFromJsonAsync<RunLaunch>(ApiJson.Options))!.Created);
        Assert.Equal(1, host.Cluster.RunsCreated);

        // Another config under the same id is refused.
        var other = ApiSamples.Run(epochs: 3) with { Id = id };
        var conflict = await PostAsync("/api/v1/runs", AgCc.Core.Training.Config.RunConfigJson.Write(other));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_hundred_concurrent_identical_launches_create_exactly_one_run()
    {
        var json = ApiSamples.RunJson(seed: 7);
        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => PostAsync("/api/v1/runs", json)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(99, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, host.Cluster.RunsCreated);
        var page = await host.Http.GetFromJsonAsync<RunPage>("/api/v1/runs", ApiJson.Options);
        Assert.Equal(1, page!.Total);
    }

    [Fact]
    public async Task An_invalid_config_answers_400_listing_every_problem_by_field()
    {
        var json = ApiSamples.RunJson().Replace("\"epochs\": 2", "\"epochs\": 0", StringComparison.Ordinal)
            .Replace("\"batchSize\": 64", "\"batchSize\": 1", StringComparison.Ordinal).Replace("\"task\": \"4class\"", "\"task\": \"5class\"", StringComparison.Ordinal);
        var problem = await ProblemAsync(await PostAsync("/api/v1/runs", json), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Contains("must be at least 1 (got 0)", errors.GetProperty("training.epochs")[0].GetString());
        Assert.Contains("must be at least 2 (got 1)", errors.GetProperty("training.batchSize")[0].GetString());
        Assert.Contains("'5class'", errors.GetProperty("task")[0].GetString());
        Assert.Equal(3, problem.GetProperty("problems").GetArrayLength());
        Assert.Equal(0, host.Cluster.RunsCreated);
    }

    [Theory]
    [InlineData("{ \"method\": \"baseline\", ", "$", "line")] // malformed JSON: the body, with its line
    [InlineData("{ \"method\": \"baseline\", \"task\": \"4class\", \"sourse\": { \"name\": \"a\" } }", "sourse", "unknown field")]
    [InlineData("{ \"method\": \"baseline\", \"task\": \"4class\", \"seed\": \"zero\" }", "seed", "expected a whole number")]
    [InlineData("{ \"method\": \"fancy\" }", "method", "expected one of")]
    [InlineData("", "$", "")]
    public async Task Malformed_documents_unknown_fields_and_wrong_types_name_the_field(string body, string field, string says)
    {
        var problem = await ProblemAsync(await PostAsync("/api/v1/runs", body), HttpStatusCode.BadRequest);

        var messages = problem.GetProperty("errors").GetProperty(field);
        Assert.Contains(says, messages[0].GetString());
    }

    [Fact]
    public async Task Oversized_bodies_answer_413_with_or_without_a_length()
    {
        var big = ApiSamples.RunJson().Replace("\"tags\": []", $"\"tags\": [\"{new string('x', 9000)}\"]", StringComparison.Ordinal);
        await ProblemAsync(await PostAsync("/api/v1/runs", big), HttpStatusCode.RequestEntityTooLarge);

        // Chunked: no Content-Length, counted as it arrives.
        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        chunked.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/runs") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await ProblemAsync(await host.Http.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, host.Cluster.RunsCreated);
    }

    [Fact]
    public async Task Runs_list_in_pages_with_filters_and_sorting()
    {
        foreach (var seed in new long[] { 1, 2, 3 }) Assert.Equal(HttpStatusCode.Created, (await PostAsync("/api/v1/runs", ApiSamples.RunJson(seed))).StatusCode);
        var third = ApiSamples.Run(3).RunId();
        host.Cluster.SetRun(host.Cluster.Run(third) with { State = TrainingRunState.Training });

        var first = await host.Http.GetFromJsonAsync<RunPage>("/api/v1/runs?limit=2&sort=id&order=asc", ApiJson.Options);
        Assert.Equal(3, first!.Total);
        Assert.Equal(2, first.Items.Length);
        var rest = await host.Http.GetFromJsonAsync<RunPage>("/api/v1/runs?limit=2&offset=2&sort=id&order=asc", ApiJson.Options);
        Assert.Single(rest!.Items);
        Assert.Equal([.. first.Items.Select(r => r.Id), rest.Items[0].Id], first.Items.Concat(rest.Items).Select(r => r.Id).Order(StringComparer.OrdinalIgnoreCase));

        var training = await host.Http.GetFromJsonAsync<RunPage>("/api/v1/runs?state=training&method=baseline&corpus=msp-improv-synth", ApiJson.Options);
        Assert.Equal(third, Assert.Single(training!.Items).Id);

        var bad = await ProblemAsync(await host.Http.GetAsync("/api/v1/runs?limit=0&sort=colour&state=asleep&order=up"), HttpStatusCode.BadRequest);
        foreach (var field in new[] { "limit", "sort", "state", "order" }) Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Detail_metrics_and_cancel_of_a_run_and_404_for_unknown_ids()
    {
        var id = (await (await PostAsync("/api/v1/runs", ApiSamples.RunJson(seed: 4))).Content.ReadFromJsonAsync<RunLaunch>(ApiJson.Options))!.Id;
        EpochMetricsRecord Epoch(int n) => new(n, 10, 1.0 / n, 1.0 / n, 0, 0, 0, 0.3 + n / 10.0, null, null, null, 1.5);
        host.Cluster.SetRun(host.Cluster.Run(id) with { State = TrainingRunState.Training, Epoch = 2, History = [Epoch(1), Epoch(2)] });

        var detail = await host.Http.GetFromJsonAsync<TrainingRunStatus>($"/api/v1/runs/{id}", ApiJson.Options);
        Assert.Equal(TrainingRunState.Training, detail!.State);
        var metrics = await host.Http.GetFromJsonAsync<EpochMetricsRecord[]>($"/api/v1/runs/{id}/metrics", ApiJson.Options);
        Assert.Equal([1, 2], metrics!.Select(m => m.Epoch));
        var csv = await host.Http.GetStringAsync($"/api/v1/runs/{id}/metrics?format=csv");
        Assert.Equal(3, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("epoch,steps,loss,", csv);
        Assert.Contains("\n2,10,0.5,", csv);

        var cancelled = await host.Http.PostAsync($"/api/v1/runs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        Assert.Equal(TrainingRunState.Cancelled, (await cancelled.Content.ReadFromJsonAsync<TrainingRunStatus>(ApiJson.Options))!.State);

        foreach (var path in new[] { "/api/v1/runs/nope", "/api/v1/runs/nope/metrics", "/api/v1/runs/nope/events" })
            Assert.Contains("there is no run 'nope'", (await ProblemAsync(await host.Http.GetAsync(path), HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        await ProblemAsync(await host.Http.PostAsync("/api/v1/runs/nope/cancel", null), HttpStatusCode.NotFound);
    }

    /// <summary>Asserts an RFC 7807 answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
