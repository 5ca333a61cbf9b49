using System.Text;
using AgCc.Core.Alignments;
using AgCc.Core.Audio;
using AgCc.Core.Corpora;
using AgCc.Core.Landmarks;

namespace AgCc.Core.Synthesis;

/// <summary>
/// Writes the synthetic corpus pair — `crema-d-synth/` (layout crema-d) and `msp-improv-synth/`
/// (layout msp-improv) — in the real on-disk formats, so the whole platform runs without the
/// licensed corpora. Deterministic: the same seed gives byte-identical files whatever the
/// number of threads. The generative model is documented in docs/synthetic-corpora.md.
/// </summary>
public static class SyntheticCorpora
{
    public const string CremaDFolder = "crema-d-synth";
    public const string MspImprovFolder = "msp-improv-synth";

    /// <summary>Marks a folder as written by this generator, so a rerun may replace it.</summary>
    public const string MarkerFile = "synthetic-corpus.txt";

    public static SynthesisSummary Write(
        string outDir, SynthesisPreset preset, int seed,
        IProgress<SynthesisProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Write(outDir, SynthesisSizes.For(preset), seed, maxDegreeOfParallelism: -1, progress, cancellationToken);

    /// <param name="maxDegreeOfParallelism">Threads rendering utterances; -1 for one per core. The output does not depend on it.</param>
    public static SynthesisSummary Write(
        string outDir, SynthesisSizes sizes, int seed, int maxDegreeOfParallelism = -1,
        IProgress<SynthesisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        ArgumentNullException.ThrowIfNull(sizes);
        sizes.Validate();
        var corpora = Plan(sizes, seed);
        var root = Path.GetFullPath(outDir);
        Directory.CreateDirectory(root);
        var summaries = new List<SyntheticCorpusSummary>();
        foreach (var corpus in corpora)
        {
            summaries.Add(WriteCorpus(Path.Combine(root, corpus.Name), corpus, sizes, maxDegreeOfParallelism, progress, cancellationToken));
        }
        return new SynthesisSummary(root, seed, sizes, summaries);
    }

    /// <summary>The planned pair (no files): for inspecting or rendering utterances in memory.</summary>
    public static IReadOnlyList<SyntheticCorpus> Plan(SynthesisSizes sizes, int seed)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        sizes.Validate();
        return [new CremaDLikeCorpus(sizes, seed), new MspImprovLikeCorpus(sizes, seed)];
    }

    private static SyntheticCorpusSummary WriteCorpus(
        string dir, SyntheticCorpus corpus, SynthesisSizes sizes, int maxDegreeOfParallelism,
        IProgress<SynthesisProgress>? progress, CancellationToken cancellationToken)
    {
        PrepareFolder(dir);
        foreach (var folder in corpus.Folders()) Directory.CreateDirectory(Path.Combine(dir, folder));

        var utterances = corpus.Utterances;
        var durations = new double[utterances.Count];
        var done = 0;
        progress?.Report(new SynthesisProgress(corpus.Name, 0, utterances.Count));
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, utterances.Count, options, i =>
        {
            var plan = utterances[i];
            var u = corpus.Render(plan);
            WavWriter.Write(Path.Combine(dir, plan.AudioPath), u.Audio);
            OpenFaceCsvWriter.Write(Path.Combine(dir, SyntheticCorpus.LandmarksPath(plan)), u.Frames);
            TextGridWriter.Write(Path.Combine(dir, SyntheticCorpus.AlignmentPath(plan)), u.Alignment, u.Duration, u.AlignmentForm);
            durations[i] = u.Duration;
            var completed = Interlocked.Increment(ref done);
            progress?.Report(new SynthesisProgress(corpus.Name, completed, utterances.Count));
        });
        corpus.WriteLabels(dir);
        File.WriteAllText(Path.Combine(dir, MarkerFile), Marker(corpus, sizes), new UTF8Encoding(false));

        var perEmotion = new SortedDictionary<Emotion, int>();
        foreach (var u in utterances)
            if (u.Label is { } label) perEmotion[label] = perEmotion.GetValueOrDefault(label) + 1;
        var perSpeaker = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var u in utterances) perSpeaker[u.Speaker.Id] = perSpeaker.GetValueOrDefault(u.Speaker.Id) + 1;
        return new SyntheticCorpusSummary(
            corpus.Name, corpus.Profile.Layout, dir, corpus.Profile.SampleRate, utterances.Count,
            perEmotion, utterances.Count(u => u.Label is null), perSpeaker, TimeSpan.FromSeconds(durations.Sum()));
    }

    /// <summary>
    /// A corpus folder is replaced only when this generator wrote it (its marker file is there);
    /// anything else in the way is an error, never deleted.
    /// </summary>
    private static void PrepareFolder(string dir)
    {
        if (File.Exists(dir)) throw new IOException($"{dir} is a file; choose another output folder");
        if (!Directory.Exists(dir)) return;
        if (File.Exists(Path.Combine(dir, MarkerFile)))
        {
            Directory.Delete(dir, recursive: true);
            return;
        }
        if (Directory.EnumerateFileSystemEntries(dir).Any())
            throw new IOException($"{dir} exists and was not written by the synthetic-corpus generator; choose another output folder");
    }

    private static string Marker(SyntheticCorpus corpus, SynthesisSizes sizes) =>
        $"""
        Synthetic corpus written by AgCc.Core.Synthesis (see docs/synthetic-corpora.md).
        name: {corpus.Name}
        layout: {corpus.Profile.Layout.ToName()}
        seed: {corpus.Seed}
        utterances: {corpus.Utterances.Count}
        sizes: {sizes.Describe()}

        """;
}
