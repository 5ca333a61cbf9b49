using System.Security.Cryptography;
using AgCc.Core.Synthesis;

namespace AgCc.Core.Tests.Synthesis;

/// <summary>Requirement (a): the same seed gives byte-identical files whatever the thread count; another seed gives other files.</summary>
[Trait("Category", Categories.Unit)]
[Collection(WrittenCorporaCollection.Name)]
public sealed class DeterminismTests(SyntheticCorporaFixture corpora)
{
    [Fact]
    public void The_same_seed_gives_byte_identical_files_on_one_thread_and_on_four()
    {
        var one = Files(corpora.OneThread.OutputDirectory);
        var four = Files(corpora.FourThreads.OutputDirectory);
        Assert.Equal(one.Keys, four.Keys);
        Assert.True(one.Count > 80, $"only {one.Count} files written");
        foreach (var (path, hash) in one) Assert.True(hash == four[path], $"{path} differs between one and four threads");
    }

    [Fact]
    public void A_different_seed_gives_different_audio_landmarks_alignments_and_labels()
    {
        var seven = Files(corpora.OneThread.OutputDirectory);
        var eight = Files(corpora.OtherSeed.OutputDirectory);
        foreach (var kind in (string[])[".wav", ".csv", ".TextGrid"])
        {
            var a = seven.Where(f => f.Key.EndsWith(kind, StringComparison.Ordinal)).Select(f => f.Value).ToHashSet();
            var b = eight.Where(f => f.Key.EndsWith(kind, StringComparison.Ordinal)).Select(f => f.Value).ToHashSet();
            Assert.Empty(a.Intersect(b));
        }
        foreach (var labels in (string[])["crema-d-synth/processedResults/summaryTable.csv", "msp-improv-synth/Evaluation.txt"])
            Assert.NotEqual(seven[labels], eight[labels]);
    }

    [Fact]
    public void Derived_seeds_are_fixed_by_the_code_not_by_the_runtime()
    {
        // Golden values, checked against an independent reference implementation of FNV-1a,
        // SplitMix64 and xoshiro256**: a change here changes every corpus generated from a seed.
        Assert.Equal(0x12F890365A7A7D08UL, Prng.Derive(42, "crema-d-synth", "1001_DFA_ANG_XX"));
        var rng = new Prng(1);
        Assert.Equal(0xB3F2AF6D0FC710C5UL, rng.NextUInt64());
    }

    private static SortedDictionary<string, string> Files(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f).Replace('\\', '/'),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
}
