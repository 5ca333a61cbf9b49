using System.Diagnostics;
using AgCc.Client;
using AgCc.Core.Audio;
using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Layouts;
using AgCc.Core.Features;
using AgCc.Core.Synthesis;
using AgCc.Core.Torch.Features;
using AgCc.Grains.Features;
using AgCc.LocalStack;
using TorchSharp;

using static AgCc.Bench.BenchArguments;

namespace AgCc.Bench;

/// <summary>
/// Feature extraction of the synthetic corpus pair through the stack (FeatureSet grains in one
/// silo process, audio read from the corpus files, blobs written to Azurite) against plain
/// TorchSharp: the same extractor over the same waveforms, already in memory, in this process
/// with the same thread count. The ratio is the platform's overhead; a second start of the same
/// sets must come back completed without extracting again.
/// </summary>
public static class FeatureExtractionBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var preset = Enum.Parse<SynthesisPreset>(Option(args, "--preset") ?? "demo", ignoreCase: true);
        var spec = Option(args, "--checkpoint") is { } checkpoint ? FeatureSpec.Wav2Vec2(Path.GetFullPath(checkpoint), Option(args, "--layer")) : FeatureSpec.LogMel;
        var home = Directory.CreateTempSubdirectory("agcc-bench-").FullName;
        try
        {
            var synth = Path.Combine(home, "synth");
            SyntheticCorpora.Write(synth, preset, seed: 1);
            (string Name, CorpusLayout Layout, string Root)[] corpora =
            [
                ("bench-a", CorpusLayout.CremaD, Path.Combine(synth, SyntheticCorpora.CremaDFolder)),
                ("bench-b", CorpusLayout.MspImprov, Path.Combine(synth, SyntheticCorpora.MspImprovFolder)),
            ];
            Console.WriteLine($"feature extraction bench: preset {preset}, {spec.Key}; {Environment.ProcessorCount} cores, torch threads {torch.get_num_threads()} here and in the silo");

            var (reading, plain, audioSeconds, utterances) = Plain(spec, corpora);
            Console.WriteLine($"  plain TorchSharp (waveforms in memory)  {plain.TotalSeconds,7:0.00} s  {utterances} utterances, {audioSeconds:0} s of audio, {audioSeconds / plain.TotalSeconds:0} s of audio per second");

            await using var stack = await RunningStack.StartAsync(new LocalStackOptions { Home = Path.Combine(home, "stack"), Silos = 1, InMemoryStorage = true }, _ => { });
            await using var client = await AgCcClient.ConnectAsync(stack.Settings);
            foreach (var (name, layout, root) in corpora)
            {
                await client.AddCorpusAsync(name, layout, root);
                await client.IngestAsync(name, pollInterval: TimeSpan.FromMilliseconds(50));
            }
            // A warm-up set (JIT, model load paths) on another spec key, then the measured ones.
            await client.ExtractFeaturesAsync(corpora[0].Name, spec with { Normalization = FeatureNormalization.Utterance }, pollInterval: TimeSpan.FromMilliseconds(20));

            var watch = Stopwatch.StartNew();
            foreach (var corpus in corpora) await client.StartFeatureSetAsync(corpus.Name, spec);
            var done = new List<FeatureSetStatus>();
            foreach (var corpus in corpora) done.Add(await client.ExtractFeaturesAsync(corpus.Name, spec, pollInterval: TimeSpan.FromMilliseconds(20)));
            var stackTime = watch.Elapsed;
            if (done.FirstOrDefault(s => s.Stage != FeatureSetStage.Completed) is { } failed) throw new InvalidOperationException($"{failed.Corpus}/{failed.Key}: {failed.Failure}");
            var stackAudio = done.Sum(s => s.AudioSeconds);
            Console.WriteLine($"  through the stack (1 silo)              {stackTime.TotalSeconds,7:0.00} s  {done.Sum(s => s.Utterances)} utterances, {stackAudio:0} s of audio, {stackAudio / stackTime.TotalSeconds:0} s of audio per second " +
                $"(grains: {string.Join(" + ", done.Select(s => $"{s.Elapsed.TotalSeconds:0.00} s wall, {s.ExtractionSeconds:0.00} s extracting, {s.WaitingSeconds:0.00} s waiting"))})");
            Console.WriteLine($"  stack / plain: {stackTime / plain:0.00}× the time of the extractor alone, {stackTime / (reading + plain):0.00}× the time of reading the WAVs and extracting in this process (bar: ≤ 1.3×)");

            watch.Restart();
            var again = await Task.WhenAll(corpora.Select(c => client.StartFeatureSetAsync(c.Name, spec)));
            Console.WriteLine($"  second start: {string.Join(", ", again.Select(s => s.Stage.ToString().ToLowerInvariant()))} in {watch.Elapsed.TotalMilliseconds:0} ms " +
                $"({(again.All(s => s.Stage == FeatureSetStage.Completed && s.FinishedAt == done.Single(d => d.Corpus == s.Corpus).FinishedAt) ? "reused" : "NOT reused")})");
            return 0;
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>Every accepted utterance's waveform loaded first, then only the extractor timed.</summary>
    private static (TimeSpan Reading, TimeSpan Time, double AudioSeconds, int Utterances) Plain(FeatureSpec spec, IEnumerable<(string Name, CorpusLayout Layout, string Root)> corpora)
    {
        using var extractor = FeatureExtractors.Create(spec);
        var loading = Stopwatch.StartNew();
        var waveforms = corpora
            .SelectMany(c => CorpusLayoutReaders.For(c.Layout).List(new CorpusLocation(c.Root)).Utterances)
            .Select(u => AudioLoader.Load(u.AudioPath, extractor.SampleRate).Samples)
            .Where(s => extractor.Frames(s.Length) > 0)
            .ToList();
        var reading = loading.Elapsed;
        Console.WriteLine($"  reading and resampling the WAVs         {reading.TotalSeconds,7:0.00} s (not in the plain time)");
        using (var warmUp = extractor.Extract(torch.tensor(waveforms[0])))
        {
        }
        var watch = Stopwatch.StartNew();
        foreach (var samples in waveforms)
        {
            using var scope = torch.NewDisposeScope();
            extractor.Extract(torch.tensor(samples)).data<float>().ToArray();
        }
        return (reading, watch.Elapsed, waveforms.Sum(w => (double)w.Length) / extractor.SampleRate, waveforms.Count);
    }
}
