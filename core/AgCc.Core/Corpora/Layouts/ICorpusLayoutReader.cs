using AgCc.Core.Corpora.Labels;

namespace AgCc.Core.Corpora.Layouts;

/// <summary>Lists a corpus's utterances from its on-disk layout, reading labels but no media.</summary>
public interface ICorpusLayoutReader
{
    CorpusListing List(CorpusLocation location);
}

public static class CorpusLayoutReaders
{
    /// <param name="cremaLabels">For CREMA-D: the file name's emotion, or one of the crowd votes.</param>
    public static ICorpusLayoutReader For(CorpusLayout layout, LabelMaps? labels = null, CremaDLabelSource cremaLabels = CremaDLabelSource.FileName) => layout switch
    {
        CorpusLayout.CremaD => new CremaDLayout(labels ?? LabelMaps.BuiltIn, cremaLabels),
        CorpusLayout.MspImprov => new MspImprovLayout(labels ?? LabelMaps.BuiltIn),
        CorpusLayout.Manifest => new ManifestLayout(),
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "unknown corpus layout"),
    };

    /// <summary>The names users type for <see cref="CremaDLabelSource"/>.</summary>
    public static readonly IReadOnlyDictionary<string, CremaDLabelSource> CremaLabelNames = new Dictionary<string, CremaDLabelSource>
    {
        ["file-name"] = CremaDLabelSource.FileName,
        ["voice-vote"] = CremaDLabelSource.VoiceVote,
        ["face-vote"] = CremaDLabelSource.FaceVote,
        ["multimodal-vote"] = CremaDLabelSource.MultiModalVote,
    };
}
