using System.Globalization;
using System.Text.RegularExpressions;
using AgCc.Core.Corpora.Labels;

namespace AgCc.Core.Corpora.Layouts;

/// <summary>
/// MSP-IMPROV as distributed: audio under `Audio/session*/…/MSP-IMPROV-S01A-F01-P-FM01.wav`,
/// consensus labels in `Evaluation.txt` (`UTD-IMPROV-S01A-F01-P-FM01.avi; A; A:..; V:..; D:..; N:..;`
/// followed by per-rater lines). Turns labelled O (other) or X (no agreement) are excluded.
/// </summary>
public sealed partial class MspImprovLayout(LabelMaps labels) : ICorpusLayoutReader
{
    public const string AudioFolder = "Audio";
    public const string EvaluationFile = "Evaluation.txt";

    [GeneratedRegex("^MSP-IMPROV-(?<sentence>S[0-9]{2}[AHSN])-(?<speaker>[FM][0-9]{2})-(?<condition>[PRST])-(?<turn>[FM]{1,2}[0-9]{2,3})$")]
    private static partial Regex UtteranceId();

    [GeneratedRegex(@"^UTD-IMPROV-(?<id>[^.;\s]+)\.avi\s*;\s*(?<label>[^;\s]*)\s*;")]
    private static partial Regex ConsensusLine();

    public CorpusListing List(CorpusLocation location)
    {
        var audioFolder = Path.Combine(location.Root, AudioFolder);
        ListingBuilder.RequireFolder(audioFolder, "MSP-IMPROV audio (Audio)");
        var listing = new ListingBuilder(location);
        var consensus = ReadConsensus(Path.Combine(location.Root, EvaluationFile));

        foreach (var audio in Directory.EnumerateFiles(audioFolder, "*.wav", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(audio);
            var match = UtteranceId().Match(id);
            if (!match.Success)
            {
                listing.Reject(id, audio, "file name is not MSP-IMPROV-SnnE-Gnn-C-TTnn (sentence+emotion, speaker, condition P/R/S/T, turn)");
                continue;
            }
            if (!consensus.TryGetValue(id["MSP-IMPROV-".Length..], out var label))
            {
                listing.Reject(id, Path.Combine(location.Root, EvaluationFile), "no consensus label for this turn");
                continue;
            }
            if (label.Problem is not null)
            {
                listing.Reject(id, label.Source, label.Problem);
                continue;
            }
            switch (label.Code)
            {
                case "O":
                    listing.Exclude(id, label.Source, "consensus label O (other emotion)");
                    continue;
                case "X":
                    listing.Exclude(id, label.Source, "consensus label X (no agreement)");
                    continue;
            }
            if (labels.Decode("msp-improv", label.Code) is not { } emotion)
            {
                listing.Reject(id, label.Source, $"unknown consensus label '{label.Code}': expected one of {string.Join(", ", labels.CodesOf("msp-improv"))}, O or X");
                continue;
            }
            listing.Add(id, match.Groups["speaker"].Value, emotion, audio, match.Groups["sentence"].Value[..3]);
        }
        return listing.Build();
    }

    /// <summary>A turn's consensus code, or the problem of its line in Evaluation.txt.</summary>
    private sealed record Consensus(string Code, string Source, string? Problem = null);

    /// <summary>The consensus code per utterance id (`S01A-F01-P-FM01`); lines that do not parse are rejected alone.</summary>
    private static Dictionary<string, Consensus> ReadConsensus(string path)
    {
        if (!File.Exists(path)) throw new Formats.InputException(path, null, "the consensus label file is missing");
        var labels = new Dictionary<string, Consensus>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (!line.StartsWith("UTD-IMPROV-", StringComparison.Ordinal)) continue; // per-rater lines and blanks
            var match = ConsensusLine().Match(line);
            if (!match.Success || match.Groups["label"].Value.Length == 0)
            {
                // The turn is rejected when its audio is listed, with this line as the reason.
                var id = line.Split(['.', ';', ' '], 2)[0]["UTD-IMPROV-".Length..];
                labels[id] = new Consensus("", path,
                    $"line {lineNumber} does not parse: expected `UTD-IMPROV-<id>.avi; <A|H|S|N|O|X>; A:..; V:..; D:..; N:..;`");
                continue;
            }
            labels[match.Groups["id"].Value] = new Consensus(
                match.Groups["label"].Value.ToUpper(CultureInfo.InvariantCulture), $"{path} (line {lineNumber})");
        }
        return labels;
    }
}
