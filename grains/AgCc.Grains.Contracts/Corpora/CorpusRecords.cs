using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Layouts;

namespace AgCc.Grains.Corpora;

/// <summary>
/// What a user says to register a corpus: its layout and root, and where its landmarks and
/// alignments are when not in the root's `openface/` and `mfa/` folders.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CorpusRegistration(
    [property: Id(0)] CorpusLayout Layout,
    [property: Id(1)] string Path,
    [property: Id(2)] string? Landmarks = null,
    [property: Id(3)] string? Alignments = null,
    [property: Id(4)] CremaDLabelSource CremaLabels = CremaDLabelSource.FileName)
{
    public CorpusLocation Location => new(Path, Landmarks, Alignments);
}

/// <summary>A registered corpus as users see it.</summary>
[GenerateSerializer, Immutable]
public sealed record CorpusInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] CorpusLayout Layout,
    [property: Id(2)] string Path,
    [property: Id(3)] DateTimeOffset RegisteredAt,
    [property: Id(4)] string? Landmarks = null,
    [property: Id(5)] string? Alignments = null,
    [property: Id(6)] CremaDLabelSource CremaLabels = CremaDLabelSource.FileName)
{
    public CorpusLocation Location => new(Path, Landmarks, Alignments);
}
