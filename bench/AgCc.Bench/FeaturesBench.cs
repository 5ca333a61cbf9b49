using System.Diagnostics;
using AgCc.Core.Audio;
using AgCc.Core.Torch.Features;
using TorchSharp;

using static AgCc.Bench.BenchArguments;

namespace AgCc.Bench;

/// <summary>
/// Log-mel throughput (seconds of audio per second, CPU) of <see cref="LogMelSpectrogram"/> against
/// torchaudio's MelSpectrogram on Debian's PyTorch, on the same WAV in the same bench run
/// (bench/torchaudio_logmel.py), with both thread counts stated.
/// </summary>
public static class FeaturesBench
{
    public static Task<int> RunAsync(string[] args)
    {
        var seconds = int.Parse(Option(args, "--seconds") ?? "60");
        var repeats = int.Parse(Option(args, "--repeats") ?? "5");
        var wav = Path.Combine(Path.GetTempPath(), $"agcc-bench-{Environment.ProcessId}.wav");
        try
        {
            var clip = Speechlike(seconds);
            WavWriter.Write(wav, clip);
            using var logMel = new LogMelSpectrogram();
            using var samples = torch.tensor(WavReader.Read(wav).Samples);
            using (logMel.Compute(samples)) { } // warm-up
            var best = double.MaxValue;
            for (var r = 0; r < repeats; r++)
            {
                var watch = Stopwatch.StartNew();
                using (logMel.Compute(samples)) { }
                best = Math.Min(best, watch.Elapsed.TotalSeconds);
            }
            var ours = seconds / best;
            Console.WriteLine($"log-mel, {seconds} s of 16 kHz audio, float32, best of {repeats}:");
            Console.WriteLine($"  TorchSharp (LogMelSpectrogram), {torch.get_num_threads()} threads: {ours,8:N0} s of audio per second");
            var reference = Reference(wav, repeats);
            if (reference is { } r2)
                Console.WriteLine($"  torchaudio 0.13 (Debian PyTorch), {r2.Threads} threads:     {r2.Rate,8:N0} s of audio per second; TorchSharp / torchaudio = {ours / r2.Rate:0.00}×");
            else
                Console.WriteLine("  torchaudio reference not run: /usr/bin/python3 with torch and torchaudio not found (apt-get install python3-torchaudio)");
            return Task.FromResult(0);
        }
        finally
        {
            File.Delete(wav);
        }
    }

    private static (double Rate, int Threads)? Reference(string wav, int repeats)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "torchaudio_logmel.py");
        if (!File.Exists("/usr/bin/python3") || !File.Exists(script)) return null;
        var start = new ProcessStartInfo("/usr/bin/python3",
            [script, wav, repeats.ToString(System.Globalization.CultureInfo.InvariantCulture), torch.get_num_threads().ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) return null;
        var parts = output.Trim().Split(' ');
        return (double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Voiced pulses through two resonances, with pauses: speech-shaped for the STFT's sake.</summary>
    private static AudioClip Speechlike(int seconds)
    {
        const int rate = 16000;
        var samples = new float[seconds * rate];
        var random = new Random(3);
        double y1 = 0, y2 = 0, phase = 0;
        for (var n = 0; n < samples.Length; n++)
        {
            var t = (double)n / rate;
            phase += (110 + 30 * Math.Sin(2 * Math.PI * 1.3 * t)) / rate;
            var pulse = phase >= 1 ? 1.0 : 0.0;
            if (phase >= 1) phase -= 1;
            var y = pulse + 1.6 * y1 - 0.9 * y2;
            (y2, y1) = (y1, y);
            var voiced = (t % 2.0) < 1.6 ? 1.0 : 0.0;
            samples[n] = (float)(0.05 * y * voiced + 0.002 * (random.NextDouble() - 0.5));
        }
        return new AudioClip(samples, rate);
    }
}
