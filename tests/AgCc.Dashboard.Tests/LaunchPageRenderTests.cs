using System.Net;
using AgCc.Client;
using AgCc.Core.Experiments;
using AgCc.Core.Training.Config;
using AgCc.Dashboard.Launch;
using AgCc.Grains.Experiments;
using AgCc.Grains.Training;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace AgCc.Dashboard.Tests;

/// <summary>
/// The Launch page prerendered over a stand-in cluster (its corpora, run and experiment grains),
/// and the launch itself through the client: idempotent for an equal config, the grain's refusal
/// shown for another config under the same id.
/// </summary>
[Trait("Category", "Unit")]
public class LaunchPageRenderTests
{
    private static async Task<string> RenderAsync(LaunchCluster cluster) =>
        WebUtility.HtmlDecode(await Prerender.HtmlAsync<Components.Pages.Launch>("/launch",
            services => services.AddSingleton(new AgCcClient(cluster.Client))));

    [Fact]
    public async Task The_page_shows_the_form_with_the_defaults_and_the_preview()
    {
        var html = await RenderAsync(new LaunchCluster("msp-improv", "crema-d"));
        var expected = new RunConfig { Method = TrainingMethod.AgCc, Task = "4class", Source = new("crema-d"), Target = new("msp-improv") };

        Assert.Contains("data-testid=\"launch-form\" data-mode=\"run\"", html);
        Assert.Contains($"data-testid=\"preview\">{RunConfigJson.Write(expected)}</pre>", html);
        Assert.Contains(LaunchCommand.Text(LaunchMode.Run, RunConfigJson.Write(expected)), html);
        var training = new OptimizationConfig();
        var gestures = new GestureConfig();
        foreach (var value in new object[] { training.Epochs, training.BatchSize, training.Patience, gestures.Clusters, gestures.FitSubsample })
            Assert.Contains($"value=\"{value}\"", html);
        Assert.Contains("value=\"crema-d\"", html);
        Assert.Contains("value=\"msp-improv\"", html);
        Assert.Contains("Copy as CLI command", html);
        Assert.DoesNotContain("data-testid=\"field-problem\"", html);
        Assert.DoesNotContain("data-testid=\"problems\"", html);
        Assert.DoesNotContain("data-testid=\"no-corpora\"", html);
        Assert.Contains(expected.RunId(), html);
        Assert.DoesNotMatch("<button[^>]*data-testid=\"launch\"[^>]*disabled", html);
    }

    [Fact]
    public async Task Without_corpora_the_page_says_how_to_add_them_and_cannot_launch()
    {
        var html = await RenderAsync(new LaunchCluster());
        Assert.Contains("data-testid=\"no-corpora\"", html);
        Assert.Contains("./agcc corpus add", html);
        Assert.Contains("data-field=\"Source\"", html);
        Assert.Contains("source.name: corpus name is empty", html);
        Assert.Matches("<button[^>]*disabled[^>]*data-testid=\"launch\"|<button[^>]*data-testid=\"launch\"[^>]*disabled", html);
    }

    [Fact]
    public async Task Launching_a_run_twice_opens_the_same_run_and_another_config_under_its_id_is_refused()
    {
        var cluster = new LaunchCluster("crema-d", "msp-improv");
        var client = new AgCcClient(cluster.Client);
        var form = new LaunchForm(["crema-d", "msp-improv"]) { Name = "r1" };

        var first = await LaunchActions.LaunchAsync(client, form);
        var again = await LaunchActions.LaunchAsync(client, form);
        Assert.Equal("/runs/r1", first.Url);
        Assert.Equal(first, again);
        Assert.Single(cluster.Runs);
        Assert.Equal(RunConfigJson.Write(form.ToRunConfig()), cluster.Runs["r1"]);

        form.Epochs = 3;
        var refused = await LaunchActions.LaunchAsync(client, form);
        Assert.False(refused.Launched);
        Assert.Contains("run 'r1' was launched with another config", refused.Error);
        Assert.Single(cluster.Runs);

        form.Name = "";
        var derived = await LaunchActions.LaunchAsync(client, form);
        Assert.Equal(LaunchActions.RunUrl(form.ToRunConfig().RunId()), derived.Url);
        Assert.Equal(2, cluster.Runs.Count);
    }

    [Fact]
    public async Task Starting_an_experiment_opens_its_page()
    {
        var cluster = new LaunchCluster("crema-d", "msp-improv");
        var client = new AgCcClient(cluster.Client);
        var form = new LaunchForm(["crema-d", "msp-improv"]) { Mode = LaunchMode.Experiment, Name = "grid-1", SeedsText = "0, 1" };

        var started = await LaunchActions.LaunchAsync(client, form);
        Assert.Equal("/experiments/grid-1", started.Url);
        Assert.Equal(started, await LaunchActions.LaunchAsync(client, form));
        Assert.Single(cluster.Experiments);
        var sent = ExperimentConfigJson.Parse(cluster.Experiments["grid-1"], "sent.json");
        Assert.Equal([0L, 1L], sent.Seeds);

        form.SeedsText = "0, x";
        var invalid = await LaunchActions.LaunchAsync(client, form);
        Assert.False(invalid.Launched);
        Assert.Contains("seeds: 'x' is not a whole number", invalid.Error);
    }

    /// <summary>A cluster with corpora, and run and experiment grains that keep the first config per key (as the real ones do).</summary>
    public sealed class LaunchCluster
    {
        public LaunchCluster(params string[] corpora) =>
            Client = new FakeCluster().WithCorpora(corpora).WithLaunches(Runs, Experiments).Client;

        public IClusterClient Client { get; }

        public Dictionary<string, string> Runs { get; } = [];

        public Dictionary<string, string> Experiments { get; } = [];
    }
}
