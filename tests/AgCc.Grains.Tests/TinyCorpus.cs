using AgCc.Core.Alignments;
using AgCc.Core.Audio;
using AgCc.Core.Landmarks;

namespace AgCc.Grains.Tests;

/// <summary>
/// A few one-second utterances in the real formats (WAV, OpenFace CSV, TextGrid) under a manifest,
/// written with the platform's own writers; <see cref="Break"/> spoils one file of an utterance.
/// </summary>
internal sealed class TinyCorpus : IDisposable
{
    private const double Duration = 1.0;
    private static readonly string[] Phones = ["HH", "AH1", "L", "OW1"];

    public string Root { get; } = Directory.CreateTempSubdirectory("agcc-tiny-").FullName;
    public List<string> Ids { get; } = [];

    /// <param name="phase">Shifts the mouth's opening cycle, so two tiny corpora differ.</param>
    public TinyCorpus(int utterances, float phase = 0f)
    {
        var rows = new List<string> { "utterance,audio,speaker,label" };
        string[] labels = ["neutral", "anger", "happiness", "sadness"];
        for (var i = 0; i < utterances; i++)
        {
            var id = $"utt{i:D3}";
            Ids.Add(id);
            WriteUtterance(id, i, phase);
            rows.Add($"{id},wav/{id}.wav,spk{i % 3},{labels[i % labels.Length]}");
        }
        File.WriteAllLines(Path.Combine(Root, "manifest.csv"), rows);
    }

    /// <summary>Truncates the utterance's WAV to its header, as a broken copy would.</summary>
    public string Break(string id)
    {
        var path = Path.Combine(Root, "wav", id + ".wav");
        using var file = File.Open(path, FileMode.Open);
        file.SetLength(60);
        return path;
    }

    private void WriteUtterance(string id, int seed, float phase)
    {
        Directory.CreateDirectory(Path.Combine(Root, "wav"));
        Directory.CreateDirectory(Path.Combine(Root, "openface"));
        Directory.CreateDirectory(Path.Combine(Root, "mfa"));

        var samples = new float[16000];
        for (var n = 0; n < samples.Length; n++) samples[n] = 0.3f * MathF.Sin(2 * MathF.PI * (120 + 10 * seed) * n / 16000f);
        WavWriter.Write(Path.Combine(Root, "wav", id + ".wav"), new AudioClip(samples, 16000));

        var phones = Phones.Select((p, k) => new Interval(0.1 + 0.2 * k, 0.3 + 0.2 * k, p)).ToArray();
        TextGridWriter.Write(Path.Combine(Root, "mfa", id + ".TextGrid"),
            new PhoneAlignment([new Interval(0.1, 0.9, "hello")], phones), Duration);

        var frames = new List<OpenFaceFrame>();
        for (var f = 0; f <= 30; f++)
        {
            var (x, y) = (new float[68], new float[68]);
            for (var p = 0; p < 68; p++) (x[p], y[p]) = (200 + 2 * p, 200 + p % 9);
            (x[33], y[33]) = (250, 260);
            (x[36], y[36]) = (210, 220);
            (x[45], y[45]) = (290, 220);
            var aperture = 6 + 5 * MathF.Sin(f * 0.6f + seed + phase);
            for (var m = 48; m < 68; m++)
            {
                var angle = 2 * MathF.PI * (m - 48) / 20f;
                (x[m], y[m]) = (250 + 22 * MathF.Cos(angle), 300 + aperture * MathF.Sin(angle));
            }
            frames.Add(new OpenFaceFrame(f + 1, f / 30.0, 0.98, true, x, y));
        }
        OpenFaceCsvWriter.Write(Path.Combine(Root, "openface", id + ".csv"), frames);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
