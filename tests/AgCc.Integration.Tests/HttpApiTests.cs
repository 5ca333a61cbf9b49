using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgCc.Core.Training.Config;
using AgCc.LocalStack;

namespace AgCc.Integration.Tests;

/// <summary>
/// The HTTP API (/api/v1) against a real stack (`agcc up`: Azurite, a silo, the dashboard):
/// 100 concurrent identical launches make one run, which its events follow to the end; problems
/// and unknown ids; the OpenAPI document passes the npm checker and lists every endpoint.
/// </summary>
[Trait("Category", Categories.Integration)]
public sealed class HttpApiTests : IDisposable
{
    private readonly Cli cli = new(Directory.CreateTempSubdirectory("agcc-api-").FullName);

    [Fact]
    public async Task The_api_launches_one_run_for_a_hundred_identical_requests_and_streams_it_to_the_end()
    {
        await using var up = await cli.StartAsync("running; press Ctrl-C", "up");
        var dashboard = new Uri((StackState.TryLoad(cli.Home) ?? throw new InvalidOperationException("no stack recorded")).DashboardUrl);
        using var http = new HttpClient { BaseAddress = dashboard, Timeout = TimeSpan.FromMinutes(5) };

        var cluster = await http.GetFromJsonAsync<JsonElement>("/api/v1/cluster");
        Assert.Equal("cpu", cluster.GetProperty("silos")[0].GetProperty("role").GetString());

        var demo = (await (await http.PostAsync("/api/v1/demo/corpora", null)).Content.ReadFromJsonAsync<JsonElement>());
        var data = Path.GetDirectoryName(demo.GetProperty("source").GetProperty("path").GetString())!;
        var config = ExampleRunConfigs.SyntheticPair(TrainingMethod.Baseline, data) with
        {
            Training = ExampleRunConfigs.SyntheticPair(TrainingMethod.Baseline, data).Training with { Epochs = 1 },
        };
        var json = RunConfigJson.Write(config);

        var launches = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => http.PostAsync("/api/v1/runs", new StringContent(json, Encoding.UTF8, "application/json"))));
        Assert.Equal(1, launches.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(99, launches.Count(r => r.StatusCode == HttpStatusCode.OK));
        var id = config.RunId();
        var listed = await http.GetFromJsonAsync<JsonElement>($"/api/v1/runs?text={id}");
        Assert.Equal(1, listed.GetProperty("total").GetInt32());

        // Its events, read as curl -N reads them, end with `end` once it completed.
        var kinds = new List<string>();
        using (var stream = await http.GetStreamAsync($"/api/v1/runs/{id}/events"))
        using (var reader = new StreamReader(stream))
        {
            while (await reader.ReadLineAsync() is { } line)
                if (line.StartsWith("event: ", StringComparison.Ordinal)) kinds.Add(line[7..]);
        }
        Assert.Equal("end", kinds[^1]);
        Assert.Contains("epoch", kinds);
        var run = await http.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{id}");
        Assert.Equal("completed", run.GetProperty("state").GetString());
        var csv = await http.GetStringAsync($"/api/v1/runs/{id}/metrics?format=csv");
        Assert.Equal(2, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var corpus = await http.GetFromJsonAsync<JsonElement>("/api/v1/corpora/crema-d-synth");
        Assert.Equal(240, corpus.GetProperty("summary").GetProperty("ingestion").GetProperty("accepted").GetInt32());

        var invalid = await http.PostAsync("/api/v1/runs", new StringContent(json.Replace("\"epochs\": 1", "\"epochs\": 0", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("training.epochs", await invalid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/runs/never-launched")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/experiments/never-started")).StatusCode);

        await AssertOpenApiValidAsync(http);
        await up.InterruptAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The document passes @apidevtools/swagger-parser (pinned in openapi-check/, installed with npm ci) and names every endpoint.</summary>
    private async Task AssertOpenApiValidAsync(HttpClient http)
    {
        var document = await http.GetStringAsync("/api/v1/openapi.json");
        var file = Path.Combine(cli.Home, "openapi.json");
        await File.WriteAllTextAsync(file, document);
        var checker = Path.Combine(RepositoryLayout.Root, "tests", "AgCc.Integration.Tests", "openapi-check");
        if (!Directory.Exists(Path.Combine(checker, "node_modules")))
            Assert.Equal(0, (await ProcessRun.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], workingDirectory: checker)).ExitCode);
        var check = await ProcessRun.RunAsync("node", [Path.Combine(checker, "check.js"), file]);
        Assert.True(check.ExitCode == 0, check.Output + check.Errors);

        var paths = JsonDocument.Parse(document).RootElement.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/v1/corpora", "/api/v1/corpora/{name}", "/api/v1/gestures", "/api/v1/gestures/{name}", "/api/v1/runs", "/api/v1/runs/{id}",
            "/api/v1/runs/{id}/metrics", "/api/v1/runs/{id}/cancel", "/api/v1/runs/{id}/events", "/api/v1/experiments", "/api/v1/experiments/{name}",
            "/api/v1/experiments/{name}/results", "/api/v1/experiments/{name}/cancel", "/api/v1/experiments/{name}/events", "/api/v1/cluster",
            "/api/v1/cluster/statistics", "/api/v1/demo/corpora",
        })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
    }

    public void Dispose() => Directory.Delete(cli.Home, recursive: true);
}
