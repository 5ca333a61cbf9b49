using AgCc.Core.Corpora.Labels;

namespace AgCc.Core.Corpora.Layouts;

/// <summary>Lists a corpus's utterances from its on-disk layout, reading labels but no media.</summary>
public interface ICorpusLayoutReader
{
    CorpusListing List(CorpusLocation location);
}

public static class CorpusLayoutReaders
{
    public static ICorpusLayoutReader For(CorpusLayout layout, LabelMaps? labels = null) => layout switch
    {
        CorpusLayout.CremaD => new CremaDLayout(labels ?? LabelMaps.BuiltIn),
        CorpusLayout.MspImprov => new MspImprovLayout(labels ?? LabelMaps.BuiltIn),
        CorpusLayout.Manifest => new ManifestLayout(),
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "unknown corpus layout"),
    };
}
