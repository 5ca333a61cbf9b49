using AgCc.Core.Formats;

namespace AgCc.Core.Corpora.Layouts;

/// <summary>
/// Any other corpus: a CSV (`manifest.csv` in the root, or the root itself when it is a .csv
/// file) with the header `utterance,audio,speaker,label` and optional `landmarks`, `alignment`,
/// `sentence` columns. Paths are relative to the manifest's folder; labels are emotion names
/// (neutral, anger, happiness, sadness, disgust, fear, other). Without landmark or alignment
/// columns, files are found by utterance id in the landmark and alignment folders.
/// </summary>
public sealed class ManifestLayout : ICorpusLayoutReader
{
    public const string DefaultFileName = "manifest.csv";
    private static readonly string[] Required = ["utterance", "audio", "speaker", "label"];

    public CorpusListing List(CorpusLocation location)
    {
        var manifest = location.Root.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? location.Root : Path.Combine(location.Root, DefaultFileName);
        if (!File.Exists(manifest)) throw new InputException(manifest, null, "the manifest CSV does not exist");
        var folder = Path.GetDirectoryName(Path.GetFullPath(manifest))!;
        if (manifest == location.Root) location = location with { Root = folder };

        using var reader = new StreamReader(manifest);
        var header = CsvLines.Split(reader.ReadLine() ?? "")?.Select(h => h.Trim().ToLowerInvariant()).ToList() ?? [];
        var missing = Required.Where(c => !header.Contains(c)).ToArray();
        if (missing.Length > 0)
            throw new InputException(manifest, "line 1", $"missing column(s) {string.Join(", ", missing)}: the header must name {string.Join(", ", Required)} (and optionally landmarks, alignment, sentence)");
        int Column(string name) => header.IndexOf(name);

        var listing = new ListingBuilder(location);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = CsvLines.Split(line);
            if (fields is null || fields.Count != header.Count)
            {
                listing.Reject(fields?.ElementAtOrDefault(Column("utterance")) ?? "", manifest,
                    $"line {lineNumber}: expected {header.Count} fields, found {(fields is null ? "an unclosed quote" : fields.Count.ToString())}");
                continue;
            }
            string? Field(string name) => Column(name) is >= 0 and var i && fields[i].Length > 0 ? fields[i] : null;

            var id = Field("utterance");
            if (id is null || id.IndexOfAny(['/', '\\']) >= 0)
            {
                listing.Reject(id ?? "", manifest, $"line {lineNumber}: utterance id is empty or contains a path separator");
                continue;
            }
            if (!Enum.TryParse<Emotion>(Field("label"), ignoreCase: true, out var emotion) || !Enum.IsDefined(emotion))
            {
                listing.Reject(id, manifest, $"line {lineNumber}: label '{Field("label")}' is not one of {string.Join(", ", Enum.GetNames<Emotion>()).ToLowerInvariant()}");
                continue;
            }
            if (Field("audio") is not { } audio || Field("speaker") is not { } speaker)
            {
                listing.Reject(id, manifest, $"line {lineNumber}: audio and speaker must not be empty");
                continue;
            }
            listing.Add(id, speaker, emotion, Resolve(audio)!, Field("sentence"), Resolve(Field("landmarks")), Resolve(Field("alignment")));
        }
        return listing.Build();

        string? Resolve(string? path) => path is null ? null : Path.GetFullPath(Path.Combine(folder, path));
    }
}
