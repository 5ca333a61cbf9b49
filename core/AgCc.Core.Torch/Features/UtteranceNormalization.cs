using AgCc.Core.Features;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features;

public static class UtteranceNormalization
{
    /// <summary>
    /// Each dimension to zero mean and unit variance over the utterance's frames (dimension
    /// <paramref name="frameDimension"/>): (x − mean) / (std + <see cref="FeatureStatistics.Epsilon"/>),
    /// population std, as corpus-level normalisation does with a feature set's statistics.
    /// </summary>
    public static Tensor Apply(Tensor features, long frameDimension)
    {
        var mean = features.mean([frameDimension], keepdim: true);
        var std = features.std(frameDimension, unbiased: false, keepdim: true);
        return (features - mean) / (std + FeatureStatistics.Epsilon);
    }
}
