using AgCc.Core.Corpora;
using AgCc.Grains.Training;

namespace AgCc.Grains.Tests.Training;

/// <summary>
/// Two ingested tiny corpora (source and target) and configs for tiny runs over them: width 16,
/// one encoder layer, batch 8, so a run takes seconds. No `training.threads`: torch's thread count
/// is process-wide, and setting it here would change other grain tests' bit-exact features.
/// </summary>
internal sealed class TrainingRunSetup(ClusterFixture fixture) : IAsyncDisposable
{
    private readonly TinyCorpus source = new(utterances: 12);
    private readonly TinyCorpus target = new(utterances: 8, phase: 1.7f);

    public string Source { get; } = UniqueName("src");

    public string Target { get; } = UniqueName("tgt");

    public static string UniqueName(string stem) => $"{stem}-{Guid.NewGuid():N}"[..20];

    public async Task IngestAsync()
    {
        await fixture.Client.AddCorpusAsync(Source, CorpusLayout.Manifest, source.Root);
        await fixture.Client.AddCorpusAsync(Target, CorpusLayout.Manifest, target.Root);
        await fixture.Client.IngestAsync(Source, pollInterval: TimeSpan.FromMilliseconds(50));
        await fixture.Client.IngestAsync(Target, pollInterval: TimeSpan.FromMilliseconds(50));
    }

    /// <summary>A baseline run's document; <paramref name="extra"/> adds top-level fields (`"id": "x",`).</summary>
    public string Config(int epochs = 2, long seed = 1, string extra = "", string method = "baseline") => $$"""
        {
          {{extra}}
          "method": "{{method}}",
          "task": "4class",
          "source": { "name": "{{Source}}" },
          "target": { "name": "{{Target}}" },
          "seed": {{seed}},
          "model": { "width": 16, "layers": 1, "heads": 2, "feedForward": 32, "hidden": [16, 8, 8] },
          "training": { "epochs": {{epochs}}, "batchSize": 8, "patience": 100 }
        }
        """;

    public ITrainingRunGrain Run(string id) => fixture.Cluster.Client.GetGrain<ITrainingRunGrain>(id);

    /// <summary>Polls the run until it has ended (or <paramref name="until"/> holds).</summary>
    public async Task<TrainingRunStatus> WaitAsync(string id, Func<TrainingRunStatus, bool>? until = null, int seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var status = await Run(id).GetStatus();
            if (until is null ? !status.IsActive : until(status)) return status;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"run {id} is still {status.State} after {seconds} s (failure: {status.Failure})");
            await Task.Delay(50);
        }
    }

    public ValueTask DisposeAsync()
    {
        source.Dispose();
        target.Dispose();
        return ValueTask.CompletedTask;
    }
}
