using System.Diagnostics;
using System.Globalization;
using AgCc.Core.Audio;
using AgCc.Core.Torch.Features.Wav2Vec2;
using TorchSharp;
using static TorchSharp.torch;

using static AgCc.Bench.BenchArguments;

namespace AgCc.Bench;

/// <summary>
/// wav2vec 2.0 base throughput (seconds of audio per second, CPU, float32) of
/// <see cref="Wav2Vec2Model.HiddenStates"/> against torchaudio's wav2vec2_base (extract_features, every
/// layer) on Debian's PyTorch, on the same WAV cut into the same utterance-sized chunks (one chunk at a
/// time, batch 1), the same weights and the same thread count, both under inference mode, one warm-up
/// pass excluded, best of the timed passes. The weights are torchaudio's random initialisation under a
/// fixed seed, written by bench/torchaudio_wav2vec2.py as safetensors and loaded here; the last hidden
/// states of the warm-up passes are compared so that the two sides are shown to compute the same thing.
/// Without the Debian python the TorchSharp side runs alone on seeded random weights.
/// </summary>
public static class Wav2Vec2Bench
{
    private const int Rate = 16000;

    public static Task<int> RunAsync(string[] args)
    {
        var seconds = int.Parse(Option(args, "--seconds") ?? "20", CultureInfo.InvariantCulture);
        var repeats = int.Parse(Option(args, "--repeats") ?? "3", CultureInfo.InvariantCulture);
        var chunkSeconds = double.Parse(Option(args, "--chunk-seconds") ?? "4", CultureInfo.InvariantCulture);
        if (Option(args, "--threads") is { } threadOption) torch.set_num_threads(int.Parse(threadOption, CultureInfo.InvariantCulture));
        var threads = torch.get_num_threads();
        var stem = Path.Combine(Path.GetTempPath(), $"agcc-bench-w2v-{Environment.ProcessId}");
        var (wav, weights, last) = (stem + ".wav", stem + ".weights.safetensors", stem + ".last.safetensors");
        try
        {
            WavWriter.Write(wav, Speechlike(seconds));
            var reference = Reference(wav, chunkSeconds, repeats, threads, weights, last, Option(args, "--reference-blas"));

            using var model = reference is null ? RandomModel() : Wav2Vec2Model.LoadCheckpoint(weights, Wav2Vec2Config.Base);
            using var samples = torch.tensor(WavReader.Read(wav).Samples);
            var chunks = samples.split((long)Math.Round(chunkSeconds * Rate));
            try
            {
                using var inference = torch.inference_mode();
                using var ours = LastStates(model, chunks); // warm-up
                var best = double.MaxValue;
                for (var r = 0; r < repeats; r++)
                {
                    var watch = Stopwatch.StartNew();
                    foreach (var chunk in chunks)
                        using (model.HiddenStates(chunk)) { }
                    best = Math.Min(best, watch.Elapsed.TotalSeconds);
                }
                var rate = seconds / best;
                Console.WriteLine($"wav2vec 2.0 base, all hidden states, {seconds} s of 16 kHz audio in {chunks.Length} chunks of ≤ {chunkSeconds:0.##} s (batch 1), float32, CPU, best of {repeats} after one warm-up:");
                Console.WriteLine($"  TorchSharp (Wav2Vec2Model.HiddenStates), {threads} threads: {rate,6:N2} s of audio per second");
                if (reference is { } theirs)
                {
                    Console.WriteLine($"  torchaudio 0.13 (Debian PyTorch), {theirs.Threads} threads:          {theirs.Rate,6:N2} s of audio per second; TorchSharp / torchaudio = {rate / theirs.Rate:0.00}×");
                    Console.WriteLine($"    its BLAS (every Linear layer): {theirs.Blas}{(theirs.Blas.Contains("/blas/libblas", StringComparison.Ordinal) ? " = Debian's netlib reference BLAS, unoptimised (see bench/README.md, --reference-blas)" : "")}");
                    using var state = SafeTensors.Load(last);
                    var expected = state["last"];
                    var diff = (ours - expected).abs().max().item<float>();
                    var scale = expected.abs().max().item<float>();
                    Console.WriteLine($"  last hidden states, [{string.Join(", ", ours.shape)}] vs [{string.Join(", ", expected.shape)}]: max |TorchSharp − torchaudio| = {diff:G3} (max |torchaudio| = {scale:G3})");
                }
                else
                {
                    Console.WriteLine("  torchaudio reference not run (seeded random weights here): /usr/bin/python3 with torch and torchaudio, or bench/torchaudio_wav2vec2.py, not found");
                }
            }
            finally
            {
                foreach (var chunk in chunks) chunk.Dispose();
            }
            return Task.FromResult(0);
        }
        finally
        {
            File.Delete(wav);
            File.Delete(weights);
            File.Delete(last);
        }
    }

    /// <summary>Every chunk's last hidden state, concatenated along frames: [frames, embed].</summary>
    private static Tensor LastStates(Wav2Vec2Model model, Tensor[] chunks)
    {
        using var scope = NewDisposeScope();
        var last = chunks.Select(chunk => model.HiddenStates(chunk)[-1]).ToList();
        return torch.cat(last, 0).MoveToOuterDisposeScope();
    }

    /// <param name="blasDirectory">When set, a folder with another libblas.so.3 (e.g. OpenBLAS) put first on the script's LD_LIBRARY_PATH, its thread count set to <paramref name="threads"/>.</param>
    private static (double Rate, int Threads, string Blas)? Reference(string wav, double chunkSeconds, int repeats, int threads, string weights, string last, string? blasDirectory)
    {
        var script = Script();
        if (!File.Exists("/usr/bin/python3") || script is null) return null;
        var start = new ProcessStartInfo("/usr/bin/python3",
            [script, wav, chunkSeconds.ToString(CultureInfo.InvariantCulture), repeats.ToString(CultureInfo.InvariantCulture), threads.ToString(CultureInfo.InvariantCulture), weights, last])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (blasDirectory is not null)
        {
            start.Environment["LD_LIBRARY_PATH"] = Path.GetFullPath(blasDirectory);
            start.Environment["OPENBLAS_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"torchaudio_wav2vec2.py failed ({process.ExitCode}): {error.Result.Trim()}");
            return null;
        }
        var parts = output.Trim().Split(' ');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), parts.Length > 2 ? parts[2] : "unknown");
    }

    /// <summary>bench/torchaudio_wav2vec2.py, copied beside the binary by the project.</summary>
    private static string? Script() => Path.Combine(AppContext.BaseDirectory, "torchaudio_wav2vec2.py") is var path && File.Exists(path) ? path : null;

    /// <summary>Without the reference: the base model on seeded random weights (norms 1, biases 0, the rest N(0, 0.02²)).</summary>
    private static Wav2Vec2Model RandomModel()
    {
        var generator = new torch.Generator(20260524);
        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            foreach (var (name, shape) in Wav2Vec2Model.ParameterShapes(Wav2Vec2Config.Base))
            {
                state[name] = name.EndsWith(".bias", StringComparison.Ordinal) ? torch.zeros(shape)
                    : name.Contains("norm", StringComparison.Ordinal) || name.EndsWith("weight_g", StringComparison.Ordinal) ? torch.ones(shape)
                    : torch.randn(shape, generator: generator) * 0.02f;
            }
            return Wav2Vec2Model.Load(Wav2Vec2Config.Base, state);
        }
        finally
        {
            foreach (var tensor in state.Values) tensor.Dispose();
        }
    }

    /// <summary>A voiced source (a jittered pulse train through two resonances) in 1.5 s phrases with 0.5 s pauses, plus a little noise.</summary>
    private static AudioClip Speechlike(int seconds)
    {
        var samples = new float[seconds * Rate];
        var noise = new Random(11);
        double phase = 0, a1 = 0, a2 = 0, b1 = 0, b2 = 0;
        for (var n = 0; n < samples.Length; n++)
        {
            var t = (double)n / Rate;
            phase += (120 + 25 * Math.Sin(2 * Math.PI * 0.9 * t)) / Rate;
            var excitation = 0.0;
            if (phase >= 1)
            {
                phase -= 1;
                excitation = 1;
            }
            var a = excitation + 1.7 * a1 - 0.92 * a2; // ≈ 500 Hz
            (a2, a1) = (a1, a);
            var b = excitation + 0.9 * b1 - 0.85 * b2; // ≈ 1.4 kHz
            (b2, b1) = (b1, b);
            var voiced = t % 2.0 < 1.5 ? 1.0 : 0.0;
            samples[n] = (float)(voiced * (0.03 * a + 0.05 * b) + 0.003 * (noise.NextDouble() - 0.5));
        }
        return new AudioClip(samples, Rate);
    }
}
