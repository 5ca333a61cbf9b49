using System.Diagnostics;
using AgCc.Client;
using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Ingestion;
using AgCc.Core.Corpora.Layouts;
using AgCc.Core.Synthesis;
using AgCc.LocalStack;

using static AgCc.Bench.BenchArguments;

namespace AgCc.Bench;

/// <summary>
/// Ingestion throughput of the platform (Azurite + silo processes, batches fanned out through
/// grains, artifacts written to blobs) against the reference: the same files read, checked and
/// normalised in a plain loop in this process, one thread and all cores.
/// </summary>
public static class IngestionBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var preset = Enum.Parse<SynthesisPreset>(Option(args, "--preset") ?? "demo", ignoreCase: true);
        var silos = int.Parse(Option(args, "--silos") ?? "1");
        var home = Directory.CreateTempSubdirectory("agcc-bench-").FullName;
        try
        {
            Console.WriteLine($"ingestion bench: preset {preset}, {silos} silo(s), {Environment.ProcessorCount} cores");
            SyntheticCorpora.Write(Path.Combine(home, "synth"), preset, seed: 1);
            var root = Path.Combine(home, "synth", SyntheticCorpora.CremaDFolder);
            var listing = CorpusLayoutReaders.For(CorpusLayout.CremaD).List(new CorpusLocation(root));
            var count = listing.Utterances.Count;

            // Warm the readers (JIT) and the page cache, so neither side pays for it alone.
            foreach (var u in listing.Utterances.Take(20)) UtteranceIngestion.TryLoad(u, out _, out _);

            var serial = Time(() =>
            {
                foreach (var u in listing.Utterances) UtteranceIngestion.TryLoad(u, out _, out _);
            });
            var parallel = Time(() => Parallel.ForEach(listing.Utterances, u => UtteranceIngestion.TryLoad(u, out _, out _)));

            await using var stack = await RunningStack.StartAsync(
                new LocalStackOptions { Home = home, Silos = silos, InMemoryStorage = true }, _ => { });
            await using var client = await AgCcClient.ConnectAsync(stack.Settings);
            await client.AddCorpusAsync("bench", CorpusLayout.CremaD, root);
            var watch = Stopwatch.StartNew();
            var done = await client.IngestAsync("bench", pollInterval: TimeSpan.FromMilliseconds(20));
            var platform = watch.Elapsed;
            if (done.Accepted + done.Rejected != count) throw new InvalidOperationException($"ingested {done.Accepted + done.Rejected} of {count}");

            Console.WriteLine($"utterances: {count} ({done.Accepted} accepted, {done.Segments} gesture segments)");
            Report("plain loop, 1 thread (reference)", serial, count, serial);
            Report($"plain loop, {Environment.ProcessorCount} threads", parallel, count, serial);
            Report($"platform, {silos} silo(s)", platform, count, serial);
            Console.WriteLine($"platform overhead over the parallel plain loop: {platform / parallel:0.00}×");
            return 0;
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static void Report(string what, TimeSpan time, int count, TimeSpan reference) =>
        Console.WriteLine($"  {what,-36} {time.TotalSeconds,7:0.000} s  {count / time.TotalSeconds,8:0.0} utt/s  ×{time / reference:0.00} of reference");

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }
}
