using AgCc.Core.Synthesis;

namespace AgCc.Core.Tests.Synthesis;

/// <summary>The write tests share one <see cref="SyntheticCorporaFixture"/> (written once, not per class).</summary>
[CollectionDefinition(Name)]
public sealed class WrittenCorporaCollection : ICollectionFixture<SyntheticCorporaFixture>
{
    public const string Name = "written synthetic corpora";
}

/// <summary>
/// Three small corpus pairs written once for the write tests: seed 7 on one thread, seed 7 on
/// four, seed 8 on all cores. Deleted afterwards.
/// </summary>
public sealed class SyntheticCorporaFixture : IDisposable
{
    public static SynthesisSizes Tiny { get; } = new(
        CremaActors: 2, CremaUtterances: 12, MspSessions: 1, MspUtterances: 14,
        MspConditions: new MspConditionShares(0.25, 0.25, 0.3, 0.2), BalancedEmotions: true,
        MinSeconds: 1.0, MaxSeconds: 2.5);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "agcc-synth-tests-" + Guid.NewGuid().ToString("N"));

    public SynthesisSummary OneThread { get; }
    public SynthesisSummary FourThreads { get; }
    public SynthesisSummary OtherSeed { get; }
    public List<SynthesisProgress> Progress { get; } = [];

    public SyntheticCorporaFixture()
    {
        var progress = new SynchronousProgress(p => { lock (Progress) Progress.Add(p); });
        OneThread = SyntheticCorpora.Write(Path.Combine(Root, "a"), Tiny, seed: 7, maxDegreeOfParallelism: 1, progress);
        FourThreads = SyntheticCorpora.Write(Path.Combine(Root, "b"), Tiny, seed: 7, maxDegreeOfParallelism: 4);
        OtherSeed = SyntheticCorpora.Write(Path.Combine(Root, "c"), Tiny, seed: 8);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<SynthesisProgress> report) : IProgress<SynthesisProgress>
    {
        public void Report(SynthesisProgress value) => report(value);
    }
}
