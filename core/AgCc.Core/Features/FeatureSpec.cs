using System.Security.Cryptography;
using System.Text;

namespace AgCc.Core.Features;

/// <summary>
/// Which acoustic features a corpus is turned into (METHOD.md step 5): the log-mel default, or a
/// wav2vec 2.0 checkpoint (a path every silo can read) and its hidden-state selection ("last"
/// when null); and the normalisation. Positional, with no initialisers, so that it serialises
/// faithfully (docs/orleans.md).
/// </summary>
public sealed record FeatureSpec(
    FeatureExtractorKind Extractor,
    string? Checkpoint,
    string? Layer,
    FeatureNormalization Normalization)
{
    /// <summary>Log-mel, no normalisation: the built-in default.</summary>
    public static FeatureSpec LogMel { get; } = new(FeatureExtractorKind.LogMel, null, null, FeatureNormalization.None);

    public static FeatureSpec Wav2Vec2(string checkpoint, string? layer = null, FeatureNormalization normalization = FeatureNormalization.None) =>
        new(FeatureExtractorKind.Wav2Vec2, checkpoint, layer, normalization);

    /// <summary>The hidden states kept (wav2vec 2.0): the last one unless a layer is named.</summary>
    /// <remarks>A method, not a property: grain state stores the spec as JSON, which writes every public property, and a polymorphic one would not read back.</remarks>
    public HiddenStateSelection Layers() => Layer is null ? new HiddenStateSelection.Final() : HiddenStateSelection.Parse(Layer);

    /// <summary>
    /// A short name that is the same for the same spec, safe in blob names and grain keys:
    /// `logmel`, `logmel-cmvn-corpus`, `wav2vec2-base-1a2b3c4d-L6` (the checkpoint's file or
    /// folder name and a hash of its full path).
    /// </summary>
    public string Key
    {
        get
        {
            var normalization = Normalization switch
            {
                FeatureNormalization.Utterance => "-cmvn-utterance",
                FeatureNormalization.Corpus => "-cmvn-corpus",
                _ => "",
            };
            if (Extractor == FeatureExtractorKind.LogMel) return "logmel" + normalization;
            var path = Checkpoint!.TrimEnd('/', '\\');
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..8];
            return $"wav2vec2-{Slug(Path.GetFileNameWithoutExtension(path))}-{hash}-L{Layers().Key}{normalization}";
        }
    }

    /// <summary>Every problem, each naming its field; empty when the spec is usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Extractor)) problems.Add($"extractor: unknown extractor {(int)Extractor}");
        if (!Enum.IsDefined(Normalization)) problems.Add($"normalization: unknown normalisation {(int)Normalization}");
        if (Extractor == FeatureExtractorKind.LogMel)
        {
            if (Checkpoint is not null) problems.Add("checkpoint: the log-mel extractor takes no checkpoint");
            if (Layer is not null) problems.Add("layer: the log-mel extractor has no layers");
        }
        if (Extractor == FeatureExtractorKind.Wav2Vec2)
        {
            if (string.IsNullOrWhiteSpace(Checkpoint)) problems.Add("checkpoint: wav2vec 2.0 needs a checkpoint (a Hugging Face directory, .safetensors, .bin or .pt)");
            if (Layer is not null && HiddenStateSelection.FormatProblem(Layer) is { } layer) problems.Add($"layer: {layer}");
        }
        return problems;
    }

    private static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (slug.Length == 32) break;
        }
        var text = slug.ToString().Trim('-');
        return text.Length == 0 ? "checkpoint" : text;
    }
}
