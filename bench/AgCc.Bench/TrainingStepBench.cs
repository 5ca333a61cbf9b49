using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AgCc.Core.Torch;
using AgCc.Core.Torch.Training.Model;
using AgCc.Core.Training.Config;
using TorchSharp;
using static TorchSharp.torch;

using static AgCc.Bench.BenchArguments;

namespace AgCc.Bench;

/// <summary>
/// Seconds per SER training step (<see cref="SerModel"/>, CPU, float32, training mode with
/// dropout) against the same architecture in Debian's PyTorch (bench/pytorch_training_step.py:
/// nn.TransformerEncoderLayer), same shapes, lengths and thread count, in one invocation. A step is
/// forward on random features [B, 1, T, D] with seeded random lengths, cross-entropy on 4 classes,
/// backward, Adam (lr 1e-4, weight decay 1e-3) step and zero grads, in one dispose scope; one
/// warm-up step is excluded, and glibc's heap is trimmed every 10 steps as training does
/// (docs/PITFALLS.md). Prints both sides' RSS before and after the timed steps.
/// </summary>
public static class TrainingStepBench
{
    private const int Classes = 4;
    private const int TrimEvery = 10;

    public static Task<int> RunAsync(string[] args)
    {
        var batch = Int(args, "--batch", 64);
        var frames = Int(args, "--frames", 300);
        var dims = Int(args, "--dims", 80);
        var threads = Int(args, "--threads", 2);
        var steps = Int(args, "--steps", 5);
        var config = new ModelConfig(Width: Int(args, "--width", 256), Layers: Int(args, "--layers", 2));
        if (config.Problems() is { Count: > 0 } problems) throw new ArgumentException(string.Join("; ", problems));
        torch.set_num_threads(threads);

        // Lengths between half and all of the frames, at least one item full length.
        var random = new Random(20260524);
        var lengths = Enumerable.Range(0, batch).Select(b => b == 0 ? frames : random.Next(Math.Max(1, frames / 2), frames + 1)).ToArray();
        Console.WriteLine($"training step: batch {batch} × {frames} frames (mean real {lengths.Average():0}) × {dims} dims, width {config.Width}, {config.Layers} layers, " +
            $"{config.Heads} heads, feed-forward {config.FeedForward}, head [{string.Join(", ", config.HiddenWidths())}] → {Classes}, dropout {config.Dropout}; " +
            $"{torch.get_num_threads()} threads, {Environment.ProcessorCount} cores, {steps} timed steps after one warm-up");

        var ours = TorchSharpSteps(config, batch, frames, dims, steps, lengths);
        Console.WriteLine($"  TorchSharp (SerModel):            {ours.Seconds,7:0.000} s per step; RSS {ours.RssBefore:0} MB → {ours.RssAfter:0} MB");

        if (!OpenBlasInstalled())
            Console.WriteLine("  warning: libopenblas0-pthread is not installed: Debian's PyTorch runs every Linear layer on the netlib reference BLAS, ~10× slower than it can (bench/README.md, --reference-blas DIR)");
        if (Reference(config, batch, frames, dims, threads, steps, lengths, Option(args, "--reference-blas")) is { } theirs)
        {
            Console.WriteLine($"  PyTorch {theirs.Version} (Debian, nn.TransformerEncoderLayer): {theirs.Seconds,7:0.000} s per step; RSS {theirs.RssBefore:0} MB → {theirs.RssAfter:0} MB; {theirs.Threads} threads");
            Console.WriteLine($"    its BLAS: {theirs.Blas}{(theirs.Blas.Contains("/blas/libblas", StringComparison.Ordinal) ? " = netlib reference BLAS, unoptimised" : "")}");
            Console.WriteLine($"  PyTorch / TorchSharp = {theirs.Seconds / ours.Seconds:0.00}× (above 1: TorchSharp is faster)");
        }
        else
        {
            Console.WriteLine("  PyTorch reference not run: /usr/bin/python3 with torch, or bench/pytorch_training_step.py, not found");
        }
        return Task.FromResult(0);
    }

    private static (double Seconds, double RssBefore, double RssAfter) TorchSharpSteps(ModelConfig config, int batch, int frames, int dims, int steps, int[] lengths)
    {
        using var model = new SerModel(config, dims, 1, Classes, new Generator(1));
        model.train();
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-4, weight_decay: 1e-3);
        var data = new Generator(2);
        var dropout = new Generator(3);
        using var features = randn([batch, 1, frames, dims], generator: data);
        using var labels = randint(0, Classes, [batch], generator: data);
        using var padding = Padding(lengths, frames);

        float Step()
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.Forward(features, padding, dropout).Logits, labels);
            loss.backward();
            optimizer.step();
            optimizer.zero_grad();
            return loss.item<float>();
        }

        Step(); // warm-up
        var before = RssMegabytes();
        var watch = Stopwatch.StartNew();
        for (var s = 0; s < steps; s++)
        {
            Step();
            if ((s + 1) % TrimEvery == 0) NativeMemory.Trim();
        }
        var seconds = watch.Elapsed.TotalSeconds / steps;
        return (seconds, before, RssMegabytes());
    }

    private static Tensor Padding(int[] lengths, int frames)
    {
        var padding = new bool[lengths.Length * frames];
        for (var b = 0; b < lengths.Length; b++)
            for (var t = lengths[b]; t < frames; t++) padding[b * frames + t] = true;
        return tensor(padding, [lengths.Length, frames]);
    }

    private static (double Seconds, int Threads, string Blas, string Version, double RssBefore, double RssAfter)? Reference(
        ModelConfig config, int batch, int frames, int dims, int threads, int steps, int[] lengths, string? blasDirectory)
    {
        var script = Script();
        if (!File.Exists("/usr/bin/python3") || script is null) return null;
        string[] arguments =
        [
            script, .. new[] { batch, frames, dims, threads, steps, config.Width, config.Layers, config.Heads, config.FeedForward }.Select(Text),
            config.Dropout.ToString(CultureInfo.InvariantCulture), string.Join(",", config.HiddenWidths()), Text(Classes), string.Join(",", lengths.Select(Text)),
        ];
        var start = new ProcessStartInfo("/usr/bin/python3", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (blasDirectory is not null)
        {
            start.Environment["LD_LIBRARY_PATH"] = Path.GetFullPath(blasDirectory);
            start.Environment["OPENBLAS_NUM_THREADS"] = Text(threads);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"pytorch_training_step.py failed ({process.ExitCode}): {error.Result.Trim()}");
            return null;
        }
        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = json.RootElement;
        return (root.GetProperty("seconds_per_step").GetDouble(), root.GetProperty("threads").GetInt32(), root.GetProperty("blas").GetString() ?? "unknown",
            root.TryGetProperty("torch", out var version) ? version.GetString() ?? "" : "1.13",
            root.GetProperty("rss_before_mb").GetDouble(), root.GetProperty("rss_after_mb").GetDouble());
    }

    /// <summary>bench/pytorch_training_step.py beside the binary, else found upwards from it or from the working folder (the repository root under dotnet run).</summary>
    private static string? Script()
    {
        const string Name = "pytorch_training_step.py";
        if (Path.Combine(AppContext.BaseDirectory, Name) is var beside && File.Exists(beside)) return beside;
        foreach (var origin in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(origin); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "bench", Name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    private static bool OpenBlasInstalled()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("dpkg", ["-s", "libopenblas0-pthread"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Contains("Status: install ok installed", StringComparison.Ordinal);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no dpkg: not Debian, nothing to warn about here
        }
    }

    /// <summary>VmRSS of this process from /proc/self/status, in MB (NaN off Linux).</summary>

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
