using AgCc.Core.Corpora;

namespace AgCc.Core.Training.Config;

/// <summary>
/// A corpus a run reads, by name (the cluster's corpus grain key) and, for runs that ingest it
/// themselves (`agcc train`, or a cluster that has not seen it yet), where it lies.
/// </summary>
/// <param name="Labels">CREMA-D only: `file-name` (default) or a crowd vote (`voice-vote`, `face-vote`, `multimodal-vote`).</param>
public sealed record CorpusReference(
    string Name,
    CorpusLayout? Layout = null,
    string? Path = null,
    string? Landmarks = null,
    string? Alignments = null,
    string? Labels = null)
{
    public CorpusLocation? Location => Path is null ? null : new CorpusLocation(Path, Landmarks, Alignments);

    public IReadOnlyList<string> Problems(string field)
    {
        var problems = new List<string>();
        if (CorpusName.Problem(Name) is { } name) problems.Add($"{field}.name: {name}");
        if (Path is not null && Layout is null) problems.Add($"{field}.layout: a corpus given by path needs its layout ({string.Join(", ", CorpusLayouts.All)})");
        if (Layout is not null && string.IsNullOrWhiteSpace(Path)) problems.Add($"{field}.path: a corpus given by layout needs its path");
        if (Labels is not null && !Corpora.Layouts.CorpusLayoutReaders.CremaLabelNames.ContainsKey(Labels))
            problems.Add($"{field}.labels: '{Labels}' is not one of {string.Join(", ", Corpora.Layouts.CorpusLayoutReaders.CremaLabelNames.Keys)}");
        return problems;
    }
}
