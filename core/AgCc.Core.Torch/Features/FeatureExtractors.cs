using AgCc.Core.Alignments;
using AgCc.Core.Features;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features;

public static class FeatureExtractors
{
    /// <summary>The extractor a spec names, on <paramref name="device"/> (CPU by default). Throws ArgumentException naming the spec's problems.</summary>
    public static IFeatureExtractor Create(FeatureSpec spec, Device? device = null)
    {
        if (spec.Problems() is { Count: > 0 } problems) throw new ArgumentException(string.Join("; ", problems), nameof(spec));
        return spec.Extractor switch
        {
            FeatureExtractorKind.LogMel => new LogMelFeatureExtractor(spec, device),
            _ => new Wav2Vec2FeatureExtractor(spec, device),
        };
    }

    /// <summary>One utterance's features (samples at the extractor's rate) with its phones' frame ranges.</summary>
    public static UtteranceFeatures Extract(this IFeatureExtractor extractor, string utterance, float[] samples, IReadOnlyList<Interval> phones)
    {
        using var scope = NewDisposeScope();
        var features = extractor.Extract(tensor(samples));
        var frames = (int)features.shape[1];
        var values = features.data<float>().ToArray();
        var timing = extractor.Layout.Timing;
        var ranges = phones.Select(p =>
        {
            var (first, end) = timing.Frames(p.Start, p.End, frames);
            return new PhoneFrames(p.Label, p.Start, p.End, first, end);
        }).ToArray();
        return new UtteranceFeatures(utterance, frames, values, ranges);
    }
}
