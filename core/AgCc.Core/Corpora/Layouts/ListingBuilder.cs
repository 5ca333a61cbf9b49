namespace AgCc.Core.Corpora.Layouts;

/// <summary>
/// Collects a listing: an utterance is accepted only when its landmarks and alignment exist;
/// otherwise it is rejected naming the missing file. Ids are unique; the listing is sorted by id
/// so every run sees the same order.
/// </summary>
internal sealed class ListingBuilder(CorpusLocation location)
{
    private readonly Dictionary<string, UtteranceSource> accepted = new(StringComparer.Ordinal);
    private readonly List<Rejection> rejected = [];
    private readonly List<Rejection> excluded = [];

    public void Reject(string utterance, string file, string reason) => rejected.Add(new Rejection(utterance, file, reason));

    public void Exclude(string utterance, string file, string reason) => excluded.Add(new Rejection(utterance, file, reason));

    public void Add(string id, string speaker, Emotion emotion, string audioPath, string? sentence = null,
        string? landmarksPath = null, string? alignmentPath = null)
    {
        landmarksPath ??= location.LandmarksOf(id);
        alignmentPath ??= location.AlignmentOf(id);
        if (accepted.ContainsKey(id))
        {
            Reject(id, audioPath, $"utterance id '{id}' occurs twice (first at {accepted[id].AudioPath})");
            return;
        }
        if (!File.Exists(audioPath))
        {
            Reject(id, audioPath, "audio file is missing");
            return;
        }
        if (!File.Exists(landmarksPath))
        {
            Reject(id, landmarksPath, "landmark file (OpenFace CSV) is missing");
            return;
        }
        if (!File.Exists(alignmentPath))
        {
            Reject(id, alignmentPath, "alignment file (TextGrid) is missing");
            return;
        }
        accepted[id] = new UtteranceSource(id, speaker, emotion, audioPath, landmarksPath, alignmentPath, sentence);
    }

    public CorpusListing Build() => new(
        accepted.Values.OrderBy(u => u.Id, StringComparer.Ordinal).ToArray(),
        rejected.OrderBy(r => r.Utterance, StringComparer.Ordinal).ToArray(),
        excluded.OrderBy(r => r.Utterance, StringComparer.Ordinal).ToArray());

    /// <summary>Fails for the whole corpus (not one utterance) when a required folder is absent.</summary>
    public static void RequireFolder(string folder, string what)
    {
        if (!Directory.Exists(folder))
            throw new Formats.InputException(folder, null, $"the {what} folder does not exist");
    }
}
