using System.Net;
using System.Reflection;
using AgCc.Client;
using AgCc.Core.Corpora;
using AgCc.Core.Experiments;
using AgCc.Core.Training.Config;
using AgCc.Dashboard.Launch;
using AgCc.Grains.Catalogs;
using AgCc.Grains.Corpora;
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
    private static async Task<string> RenderAsync(FakeCluster cluster) =>
        WebUtility.HtmlDecode(await Prerender.HtmlAsync<Components.Pages.Launch>("/launch",
            services => services.AddSingleton(new AgCcClient(cluster.Client))));

    [Fact]
    public async Task The_page_shows_the_form_with_the_defaults_and_the_preview()
    {
        var html = await RenderAsync(new FakeCluster("msp-improv", "crema-d"));
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
        var html = await RenderAsync(new FakeCluster());
        Assert.Contains("data-testid=\"no-corpora\"", html);
        Assert.Contains("./agcc corpus add", html);
        Assert.Contains("data-field=\"Source\"", html);
        Assert.Contains("source.name: corpus name is empty", html);
        Assert.Matches("<button[^>]*disabled[^>]*data-testid=\"launch\"|<button[^>]*data-testid=\"launch\"[^>]*disabled", html);
    }

    [Fact]
    public async Task Launching_a_run_twice_opens_the_same_run_and_another_config_under_its_id_is_refused()
    {
        var cluster = new FakeCluster("crema-d", "msp-improv");
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
        var cluster = new FakeCluster("crema-d", "msp-improv");
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

    /// <summary>An Orleans cluster client with corpora, and run and experiment grains that keep the first config per key (as the real ones do).</summary>
    public class FakeCluster
    {
        public FakeCluster(params string[] corpora)
        {
            Corpora = corpora;
            Client = ClusterProxy.Create(this);
        }

        public IReadOnlyList<string> Corpora { get; }

        public IClusterClient Client { get; }

        public Dictionary<string, string> Runs { get; } = [];

        public Dictionary<string, string> Experiments { get; } = [];

        internal object? Call(Type grain, string key, MethodInfo method, object?[]? args)
        {
            if (grain == typeof(ICatalogGrain) && method.Name == "List") return Task.FromResult<IReadOnlyList<string>>([.. Corpora]);
            if (grain == typeof(ICorpusGrain) && method.Name == "GetInfo")
                return Task.FromResult<CorpusInfo?>(Corpora.Contains(key) ? new CorpusInfo(key, CorpusLayout.Manifest, "/data/" + key, DateTimeOffset.UnixEpoch) : null);
            if (grain == typeof(ITrainingRunGrain) && method.Name == "Launch")
            {
                var json = (string)args![0]!;
                if (Runs.TryGetValue(key, out var known) && known != json)
                    return Task.FromException<TrainingRunStatus>(new InvalidOperationException($"run '{key}' was launched with another config; launch this one under another id (or leave its id out)"));
                Runs[key] = json;
                return Task.FromResult<TrainingRunStatus>(null!);
            }
            if (grain == typeof(IExperimentGrain) && method.Name == "Start")
            {
                var json = (string)args![0]!;
                if (Experiments.TryGetValue(key, out var known) && known != json)
                    return Task.FromException<ExperimentStatus>(new InvalidOperationException($"experiment '{key}' was started with another config; start this one under another name"));
                Experiments[key] = json;
                return Task.FromResult<ExperimentStatus>(null!);
            }
            throw new NotSupportedException($"the fake {grain.Name} has no {method}");
        }
    }

    public class ClusterProxy : DispatchProxy
    {
        private FakeCluster cluster = default!;

        public static IClusterClient Create(FakeCluster cluster)
        {
            var client = Create<IClusterClient, ClusterProxy>();
            ((ClusterProxy)(object)client).cluster = cluster;
            return client;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method is { Name: "GetGrain", IsGenericMethod: true } && args is [string key, ..])
            {
                var type = method.GetGenericArguments()[0];
                if (type == typeof(ICatalogGrain) && key != CatalogKeys.Corpora) throw new NotSupportedException($"the fake cluster has no catalog {key}");
                return typeof(GrainProxy).GetMethod(nameof(GrainProxy.Create))!.MakeGenericMethod(type).Invoke(null, [cluster, key]);
            }
            throw new NotSupportedException($"the fake cluster has no {method}");
        }
    }

    public class GrainProxy : DispatchProxy
    {
        private FakeCluster cluster = default!;
        private Type type = default!;
        private string key = "";

        public static T Create<T>(FakeCluster cluster, string key) where T : class
        {
            var grain = Create<T, GrainProxy>();
            var proxy = (GrainProxy)(object)grain;
            (proxy.cluster, proxy.type, proxy.key) = (cluster, typeof(T), key);
            return grain;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args) => cluster.Call(type, key, method!, args);
    }


}
