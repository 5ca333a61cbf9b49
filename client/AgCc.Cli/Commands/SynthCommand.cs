using System.CommandLine;
using AgCc.Core.Corpora;
using AgCc.Core.Synthesis;

namespace AgCc.Cli.Commands;

/// <summary>`agcc synth`: the synthetic corpus pair in the real formats (offline, no cluster).</summary>
public static class SynthCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write crema-d-synth/ and msp-improv-synth/ into", Required = true };
        var preset = new Option<string>("--preset")
        {
            Description = "Size: demo (~240 utterances per corpus), small (~1,000), paper (the real corpora's sizes)",
            DefaultValueFactory = _ => "demo",
        };
        preset.AcceptOnlyFromAmong("demo", "small", "paper");
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same files", DefaultValueFactory = _ => 0 };

        var command = new Command("synth", "Write a synthetic CREMA-D-like and MSP-IMPROV-like corpus pair (WAV, OpenFace CSV, MFA TextGrid)")
        {
            output, preset, seed,
        };
        command.SetHandler((parse, cancellationToken) =>
        {
            var chosen = Enum.Parse<SynthesisPreset>(parse.GetValue(preset)!, ignoreCase: true);
            Console.WriteLine($"synth: {SynthesisSizes.For(chosen).Describe()}");
            var bars = new Dictionary<string, ProgressBar>();
            var summary = SyntheticCorpora.Write(parse.GetValue(output)!.FullName, chosen, parse.GetValue(seed),
                new SynchronousProgress<SynthesisProgress>(p =>
                {
                    lock (bars)
                    {
                        if (!bars.TryGetValue(p.Corpus, out var bar)) bars[p.Corpus] = bar = new ProgressBar($"synth {p.Corpus}");
                        bar.Show(p.Completed, p.Total);
                        if (p.Completed == p.Total) bar.Finish();
                    }
                }), cancellationToken);
            foreach (var corpus in summary.Corpora)
            {
                var emotions = string.Join(", ", corpus.PerEmotion.OrderBy(e => e.Key).Select(e => $"{e.Key.ToString().ToLowerInvariant()} {e.Value}"));
                Console.WriteLine($"{corpus.Directory}: {corpus.Utterances} utterances (layout {corpus.Layout.ToName()}, {corpus.SampleRate} Hz, {corpus.PerSpeaker.Count} speakers; {emotions})");
            }
            return Task.CompletedTask;
        });
        return command;
    }
}
