using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>
/// Maps a Hugging Face wav2vec 2.0 state dict (Wav2Vec2Model, or ForCTC / ForPreTraining /
/// ForSequenceClassification with the "wav2vec2." prefix) to torchaudio's names, as torchaudio's
/// import_huggingface_model does:
/// feature_extractor.* unchanged; feature_projection.* → encoder.feature_projection.*;
/// encoder.pos_conv_embed.conv.{weight_g, weight_v} (or the newer
/// parametrizations.weight.original0 / original1) → encoder.transformer.pos_conv_embed.conv.weight_g
/// / weight_v; encoder.layer_norm.* and encoder.layers.N.* → encoder.transformer.*.
/// Parameters of heads (anything outside the "wav2vec2." prefix when the prefix is used:
/// quantizer, project_q, project_hid, lm_head, projector, classifier) and masked_spec_embed
/// (training-time masking) are dropped and listed; names that match nothing pass through
/// unchanged, so loading reports them as unexpected.
/// </summary>
public static class Wav2Vec2HuggingFaceNames
{
    private const string Prefix = "wav2vec2.";

    /// <summary>The mapped state dict (the same tensor objects: the source still owns them) and the names dropped.</summary>
    public static (IReadOnlyDictionary<string, Tensor> State, IReadOnlyList<string> Dropped) ToTorchaudio(IReadOnlyDictionary<string, Tensor> huggingFace)
    {
        var prefixed = huggingFace.Keys.Any(k => k.StartsWith(Prefix, StringComparison.Ordinal));
        var mapped = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var dropped = new List<string>();
        foreach (var (name, tensor) in huggingFace)
        {
            if (prefixed && !name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                dropped.Add(name);
                continue;
            }
            var key = prefixed ? name[Prefix.Length..] : name;
            if (key == "masked_spec_embed")
            {
                dropped.Add(name);
                continue;
            }
            var target = Map(key);
            if (!mapped.TryAdd(target, tensor)) throw new InvalidDataException($"{name} maps to {target}, which another parameter already maps to");
        }
        return (mapped, dropped);
    }

    /// <summary>
    /// Whether a state dict is in Hugging Face's naming rather than torchaudio's: the "wav2vec2."
    /// prefix, or the feature projection or the transformer layers outside torchaudio's
    /// "encoder.feature_projection." / "encoder.transformer.".
    /// </summary>
    public static bool IsHuggingFace(IEnumerable<string> names) => names.Any(name =>
        name.StartsWith(Prefix, StringComparison.Ordinal) || name.StartsWith("feature_projection.", StringComparison.Ordinal)
        || name.StartsWith("encoder.layers.", StringComparison.Ordinal) || name.StartsWith("encoder.pos_conv_embed.", StringComparison.Ordinal));

    /// <summary>One Hugging Face name (without the "wav2vec2." prefix) in torchaudio's naming.</summary>
    public static string Map(string key)
    {
        const string pos = "encoder.pos_conv_embed.conv.";
        if (key.StartsWith("feature_projection.", StringComparison.Ordinal)) return "encoder." + key;
        if (key.StartsWith(pos, StringComparison.Ordinal))
        {
            var rest = key[pos.Length..] switch
            {
                "parametrizations.weight.original0" => "weight_g",
                "parametrizations.weight.original1" => "weight_v",
                var other => other,
            };
            return "encoder.transformer.pos_conv_embed.conv." + rest;
        }
        if (key.StartsWith("encoder.layer_norm.", StringComparison.Ordinal) || key.StartsWith("encoder.layers.", StringComparison.Ordinal))
            return "encoder.transformer." + key["encoder.".Length..];
        return key;
    }
}
