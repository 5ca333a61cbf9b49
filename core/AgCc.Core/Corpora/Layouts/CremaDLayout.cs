using System.Text.RegularExpressions;
using AgCc.Core.Corpora.Labels;
using AgCc.Core.Formats;

namespace AgCc.Core.Corpora.Layouts;

/// <summary>
/// CREMA-D as distributed: `AudioWAV/AAAA_SSS_EEE_LL.wav` (actor, sentence, emotion,
/// intensity). Labels come from the file name (the intended emotion) unless
/// <see cref="CremaDLabelSource"/> asks for the crowd votes of `processedResults/summaryTable.csv`.
/// </summary>
public sealed partial class CremaDLayout(LabelMaps labels, CremaDLabelSource source = CremaDLabelSource.FileName) : ICorpusLayoutReader
{
    public const string AudioFolder = "AudioWAV";
    public const string SummaryTable = "processedResults/summaryTable.csv";

    /// <summary>The twelve sentences, by code.</summary>
    public static readonly IReadOnlyDictionary<string, string> Sentences = new Dictionary<string, string>
    {
        ["IEO"] = "It's eleven o'clock",
        ["TIE"] = "That is exactly what happened",
        ["IOM"] = "I'm on my way to the meeting",
        ["IWW"] = "I wonder what this is about",
        ["TAI"] = "The airplane is almost full",
        ["MTI"] = "Maybe tomorrow it will be cold",
        ["IWL"] = "I would like a new alarm clock",
        ["ITH"] = "I think I have a doctor's appointment",
        ["DFA"] = "Don't forget a jacket",
        ["ITS"] = "I think I've seen this before",
        ["TSI"] = "The surface is slick",
        ["WSI"] = "We'll stop in a couple of minutes",
    };

    private static readonly string[] Intensities = ["LO", "MD", "HI", "XX"];

    [GeneratedRegex("^(?<actor>[0-9]{4})_(?<sentence>[A-Z]{3})_(?<emotion>[A-Z]{3})_(?<intensity>[A-Z]{2})$")]
    private static partial Regex FileName();

    public CorpusListing List(CorpusLocation location)
    {
        var audioFolder = Path.Combine(location.Root, AudioFolder);
        ListingBuilder.RequireFolder(audioFolder, "CREMA-D audio (AudioWAV)");
        var listing = new ListingBuilder(location);
        var votes = source == CremaDLabelSource.FileName ? null : ReadVotes(Path.Combine(location.Root, SummaryTable));

        foreach (var audio in Directory.EnumerateFiles(audioFolder, "*.wav").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(audio);
            var match = FileName().Match(id);
            if (!match.Success)
            {
                listing.Reject(id, audio, "file name is not AAAA_SSS_EEE_LL (actor, sentence, emotion, intensity)");
                continue;
            }
            var sentence = match.Groups["sentence"].Value;
            var code = match.Groups["emotion"].Value;
            if (!Sentences.TryGetValue(sentence, out var text))
            {
                listing.Reject(id, audio, $"unknown sentence code '{sentence}': expected one of {string.Join(", ", Sentences.Keys)}");
                continue;
            }
            if (labels.Decode("crema-d", code) is not { } intended)
            {
                listing.Reject(id, audio, $"unknown emotion code '{code}': expected one of {string.Join(", ", labels.CodesOf("crema-d"))}");
                continue;
            }
            if (!Intensities.Contains(match.Groups["intensity"].Value))
            {
                listing.Reject(id, audio, $"unknown intensity '{match.Groups["intensity"].Value}': expected one of {string.Join(", ", Intensities)}");
                continue;
            }

            var emotion = intended;
            if (votes is not null)
            {
                if (!votes.TryGetValue(id, out var vote))
                {
                    listing.Reject(id, Path.Combine(location.Root, SummaryTable), "no row for this file in the vote table");
                    continue;
                }
                if (vote.Problem is not null)
                {
                    listing.Reject(id, vote.File, vote.Problem);
                    continue;
                }
                if (vote.Emotion is not { } voted)
                {
                    listing.Exclude(id, vote.File, vote.Why!);
                    continue;
                }
                emotion = voted;
            }
            listing.Add(id, match.Groups["actor"].Value, emotion, audio, text);
        }
        return listing.Build();
    }

    /// <summary>A file's vote, why it has no single emotion, or the problem of its line.</summary>
    private sealed record Vote(Emotion? Emotion, string File, string? Why, string? Problem = null);

    /// <summary>
    /// The chosen vote column per file name; a vote without one winner (`A:H`) is excluded, not
    /// guessed. A line that does not parse is rejected on its own; the rest of the table is used.
    /// </summary>
    private Dictionary<string, Vote> ReadVotes(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "the crowd-vote table is missing (labels from votes were asked for)");
        var column = source switch
        {
            CremaDLabelSource.VoiceVote => "VoiceVote",
            CremaDLabelSource.FaceVote => "FaceVote",
            _ => "MultiModalVote",
        };
        var votes = new Dictionary<string, Vote>(StringComparer.Ordinal);
        using var reader = new StreamReader(path);
        var header = CsvLines.Split(reader.ReadLine() ?? "") ?? [];
        int nameAt = header.IndexOf("FileName"), voteAt = header.IndexOf(column);
        if (nameAt < 0 || voteAt < 0) throw new InputException(path, "line 1", $"expected columns FileName and {column}");
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var fields = CsvLines.Split(line);
            if (fields is null || fields.Count <= Math.Max(nameAt, voteAt))
            {
                // The file named on the line (when it can be told) is rejected with this reason.
                var named = fields is not null && fields.Count > nameAt ? fields[nameAt] : line.Split(',').FirstOrDefault(f => FileName().IsMatch(f.Trim()))?.Trim();
                if (named is not null)
                    votes[named] = new Vote(null, path, null, $"line {lineNumber} does not parse: expected at least {Math.Max(nameAt, voteAt) + 1} comma-separated fields");
                continue;
            }
            var vote = fields[voteAt];
            votes[fields[nameAt]] = labels.Decode("crema-d-votes", vote) is { } emotion
                ? new Vote(emotion, path, null)
                : new Vote(null, path, $"line {lineNumber}: {column} '{vote}' has no single emotion");
        }
        return votes;
    }
}

/// <summary>Which CREMA-D label to use: the intended emotion of the file name, or a crowd vote.</summary>
public enum CremaDLabelSource
{
    FileName,
    VoiceVote,
    FaceVote,
    MultiModalVote,
}
