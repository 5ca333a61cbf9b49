using System.CommandLine;
using System.Diagnostics;
using AgCc.Core.Audio;
using AgCc.Core.Features;
using AgCc.Core.Formats;
using AgCc.Core.Torch.Features;
using AgCc.Core.Torch.Features.Wav2Vec2;
using static TorchSharp.torch;

namespace AgCc.Cli.Commands;

/// <summary>
/// `agcc features`: acoustic features of one WAV offline (`extract`, to check them against a
/// Python pipeline), and feature sets of ingested corpora on the cluster (<see cref="FeatureSetCommands"/>).
/// </summary>
public static class FeaturesCommands
{
    public static Command Create()
    {
        var command = new Command("features", "Acoustic features: of one WAV offline (extract) or of ingested corpora on the cluster (start, status, list)")
        {
            Extract(),
        };
        foreach (var onCluster in FeatureSetCommands.Create()) command.Subcommands.Add(onCluster);
        return command;
    }

    /// <summary>--extractor, --checkpoint, --layer and --normalization, shared by `extract` and `start`.</summary>
    internal sealed class SpecOptions
    {
        public Option<string> Extractor { get; } = new("--extractor") { Description = "logmel (built in) or wav2vec2 (needs --checkpoint)", DefaultValueFactory = _ => "logmel" };

        public Option<string?> Checkpoint { get; } = new("--checkpoint") { Description = "wav2vec 2.0 checkpoint: a Hugging Face directory (config.json + model.safetensors or pytorch_model.bin), or a .safetensors/.bin/.pt file with config.json beside it" };

        public Option<string?> Layer { get; } = new("--layer") { Description = "wav2vec 2.0 hidden state as Hugging Face's output_hidden_states indexes them: 0 = the transformer's input, N = layer N's output; a range 3-8 (their mean); last (default); weighted (the whole stack)" };

        public Option<string> Normalization { get; } = new("--normalization") { Description = "Mean/variance normalisation: none, utterance or corpus (corpus only for feature sets)", DefaultValueFactory = _ => "none" };

        public SpecOptions()
        {
            Extractor.AcceptOnlyFromAmong("logmel", "wav2vec2");
            Normalization.AcceptOnlyFromAmong("none", "utterance", "corpus");
        }

        public IEnumerable<Option> All => [Extractor, Checkpoint, Layer, Normalization];

        /// <summary>The spec, or a CliException naming each option at fault.</summary>
        public FeatureSpec Read(ParseResult parse)
        {
            var spec = new FeatureSpec(
                parse.GetValue(Extractor) == "wav2vec2" ? FeatureExtractorKind.Wav2Vec2 : FeatureExtractorKind.LogMel,
                parse.GetValue(Checkpoint) is { } checkpoint ? Path.GetFullPath(checkpoint) : null,
                parse.GetValue(Layer),
                parse.GetValue(Normalization) switch
                {
                    "utterance" => FeatureNormalization.Utterance,
                    "corpus" => FeatureNormalization.Corpus,
                    _ => FeatureNormalization.None,
                });
            if (spec.Problems() is { Count: > 0 } problems) throw new CliException(string.Join("; ", problems.Select(p => "--" + p)));
            return spec;
        }
    }

    private static Command Extract()
    {
        var wav = new Option<FileInfo>("--wav") { Description = "Input WAV (PCM or float, any rate and channel count: mixed to mono, resampled to 16 kHz)", Required = true };
        wav.AcceptExistingOnly();
        var output = new Option<FileInfo>("--output") { Description = "NumPy .npy, float32: frames × dims (planes × frames × dims for --layer weighted)", Required = true };
        var spec = new SpecOptions();
        var command = new Command("extract", "Features of one WAV to a NumPy .npy, offline (no cluster), with the platform's extractors")
        {
            wav, output,
        };
        foreach (var option in spec.All) command.Options.Add(option);
        command.SetHandler((parse, _) =>
        {
            var features = spec.Read(parse);
            if (features.Normalization == FeatureNormalization.Corpus) throw new CliException("--normalization corpus needs a corpus: use `agcc features start`; one file can be normalised per utterance");
            var input = parse.GetValue(wav)!;
            var watch = Stopwatch.StartNew();
            using var extractor = Create(features);
            AudioClip clip;
            try
            {
                clip = AudioLoader.Load(input.FullName, extractor.SampleRate);
            }
            catch (InputException e)
            {
                throw new CliException(e.Message);
            }
            using var scope = NewDisposeScope();
            var planes = extractor.Extract(tensor(clip.Samples));
            var shape = extractor.Layout.Planes == 1 ? planes.shape[1..] : planes.shape;
            var file = parse.GetValue(output)!;
            try
            {
                using var stream = File.Create(file.FullName);
                Npy.Write(stream, planes.data<float>().ToArray(), [.. shape.Select(d => (int)d)]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot write {file.FullName}: {e.Message}");
            }
            Console.WriteLine($"features extract: {input.Name} ({clip.Duration:F2} s) → {file.FullName}: {features.Key}, [{string.Join(", ", shape)}] at {extractor.Layout.Timing.Rate:G4} Hz in {watch.Elapsed.TotalSeconds:F2} s");
            return Task.CompletedTask;
        });
        return command;
    }

    private static IFeatureExtractor Create(FeatureSpec spec)
    {
        try
        {
            return FeatureExtractors.Create(spec);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or Wav2Vec2WeightsException)
        {
            throw new CliException(e.Message);
        }
    }
}
