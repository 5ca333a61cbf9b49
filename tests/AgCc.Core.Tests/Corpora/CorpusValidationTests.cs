using AgCc.Core.Alignments;
using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Ingestion;
using AgCc.Core.Corpora.Layouts;
using AgCc.Core.Synthesis;

namespace AgCc.Core.Tests.Corpora;

/// <summary>
/// The synthetic pair validates whole; after spoiling chosen files in each of the ways real
/// corpora go wrong, exactly those utterances are rejected, each naming the spoiled file.
/// </summary>
[Trait("Category", Categories.Unit)]
public sealed class CorpusValidationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("agcc-validate-").FullName;
    private readonly string crema;
    private readonly string msp;

    public CorpusValidationTests()
    {
        var sizes = SynthesisSizes.For(SynthesisPreset.Demo) with { CremaActors = 3, CremaUtterances = 24, MspSessions = 1, MspUtterances = 16 };
        SyntheticCorpora.Write(folder, sizes, seed: 11);
        crema = Path.Combine(folder, SyntheticCorpora.CremaDFolder);
        msp = Path.Combine(folder, SyntheticCorpora.MspImprovFolder);
    }

    [Fact]
    public void Every_synthetic_utterance_is_accepted()
    {
        var cremaReport = CorpusValidator.Validate(CorpusLayout.CremaD, new CorpusLocation(crema));
        var mspReport = CorpusValidator.Validate(CorpusLayout.MspImprov, new CorpusLocation(msp));

        Assert.Equal(24, cremaReport.Accepted.Count);
        Assert.Empty(cremaReport.Rejected);
        Assert.Equal(16, mspReport.Accepted.Count + mspReport.Excluded.Count);
        Assert.Empty(mspReport.Rejected);
    }

    [Fact]
    public void Exactly_the_spoiled_utterances_are_rejected_each_naming_its_file()
    {
        var ids = CorpusLayoutReaders.For(CorpusLayout.CremaD).List(new CorpusLocation(crema)).Utterances.Select(u => u.Id).ToArray();
        string Wav(string id) => Path.Combine(crema, "AudioWAV", id + ".wav");
        string Csv(string id) => Path.Combine(crema, "openface", id + ".csv");
        string Grid(string id) => Path.Combine(crema, "mfa", id + ".TextGrid");
        var longForm = ids.Where(id => File.ReadAllText(Grid(id)).Contains("intervals [", StringComparison.Ordinal)).ToArray();

        var expected = new Dictionary<string, (string File, string Reason)>();
        void Expect(string id, string file, string reason) => expected[id] = (file, reason);

        // Truncated audio: the data chunk declares more bytes than the file holds.
        var truncated = ids[0];
        using (var wav = File.Open(Wav(truncated), FileMode.Open)) wav.SetLength(wav.Length - 1001);
        Expect(truncated, Wav(truncated), "chunk data");

        // A wrong RIFF chunk size: the fmt chunk claims to run past the end of the file.
        var badChunk = ids[1];
        var bytes = File.ReadAllBytes(Wav(badChunk));
        BitConverter.GetBytes(0x7FFFFFF0).CopyTo(bytes, 16);
        File.WriteAllBytes(Wav(badChunk), bytes);
        Expect(badChunk, Wav(badChunk), "fmt");

        // Landmark cells: NaN, empty, and a tracking failure longer than the gap limit during speech.
        SpoilLandmarks(Csv(ids[2]), Grid(ids[2]), (row, column) => row[column("x_51")] = "nan");
        Expect(ids[2], Csv(ids[2]), "x_51");
        SpoilLandmarks(Csv(ids[3]), Grid(ids[3]), (row, column) => row[column("y_60")] = "");
        Expect(ids[3], Csv(ids[3]), "y_60");
        SpoilLandmarks(Csv(ids[4]), Grid(ids[4]), (row, column) => row[column("success")] = "0", frames: 8);
        Expect(ids[4], Csv(ids[4]), "during speech");

        // Overlapping phone intervals in a long-form TextGrid.
        var overlapping = longForm.First(id => !expected.ContainsKey(id));
        var grid = File.ReadAllLines(Grid(overlapping));
        var phones = Array.FindIndex(grid, l => l.Contains("name = \"phones\"", StringComparison.Ordinal));
        var third = Array.FindIndex(grid, phones, l => l.Trim() == "intervals [3]:");
        var secondStart = grid[third - 3].Trim(); // "xmin = …" of intervals [2]
        grid[third + 1] = grid[third + 1][..grid[third + 1].IndexOf('=')] + "= " + secondStart.Split('=')[1].Trim();
        File.WriteAllLines(Grid(overlapping), grid);
        Expect(overlapping, Grid(overlapping), "line");

        // An unknown emotion code in a file name (a copy of a good utterance under a bad name).
        var good = ids.Last(id => !expected.ContainsKey(id));
        const string unknown = "1001_DFA_XYZ_XX";
        File.Copy(Wav(good), Wav(unknown));
        File.Copy(Csv(good), Csv(unknown));
        File.Copy(Grid(good), Grid(unknown));
        Expect(unknown, Wav(unknown), "unknown emotion code 'XYZ'");

        // Missing companion files.
        var noLandmarks = ids.First(id => !expected.ContainsKey(id) && id != good);
        File.Delete(Csv(noLandmarks));
        Expect(noLandmarks, Csv(noLandmarks), "missing");
        var noAlignment = ids.First(id => !expected.ContainsKey(id) && id != good);
        File.Delete(Grid(noAlignment));
        Expect(noAlignment, Grid(noAlignment), "missing");

        var report = CorpusValidator.Validate(CorpusLayout.CremaD, new CorpusLocation(crema));

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), report.Rejected.Select(r => r.Utterance));
        foreach (var rejection in report.Rejected)
        {
            var (file, reason) = expected[rejection.Utterance];
            Assert.Equal(file, rejection.File);
            Assert.Contains(reason, rejection.Reason);
        }
        Assert.Equal(ids.Length + 1 - expected.Count, report.Accepted.Count);
    }

    [Fact]
    public void A_consensus_line_that_does_not_parse_rejects_its_turn_alone()
    {
        var evaluation = Path.Combine(msp, "Evaluation.txt");
        var lines = File.ReadAllLines(evaluation);
        var target = Array.FindIndex(lines, l => l.StartsWith("UTD-IMPROV-", StringComparison.Ordinal) && !l.Contains("; X;") && !l.Contains("; O;"));
        var id = "MSP-IMPROV-" + lines[target]["UTD-IMPROV-".Length..lines[target].IndexOf(".avi", StringComparison.Ordinal)];
        lines[target] = lines[target].Replace(";", " ", StringComparison.Ordinal);
        File.WriteAllLines(evaluation, lines);

        var report = CorpusValidator.Validate(CorpusLayout.MspImprov, new CorpusLocation(msp));

        var rejection = Assert.Single(report.Rejected);
        Assert.Equal((id, evaluation), (rejection.Utterance, rejection.File));
        Assert.Contains($"line {target + 1} does not parse", rejection.Reason);
        Assert.Equal(15, report.Accepted.Count + report.Excluded.Count);
    }

    /// <summary>Edits the rows of the frames in the middle of the speech (a synthetic file's rows are its frames).</summary>
    private static void SpoilLandmarks(string csv, string textGrid, Action<string[], Func<string, int>> spoil, int frames = 1)
    {
        var phones = TextGridReader.ReadAlignment(textGrid).Phones;
        var middle = (int)Math.Round((phones[0].Start + phones[^1].End) / 2 * 30);
        var lines = File.ReadAllLines(csv);
        var header = lines[0].Split(',').Select(c => c.Trim()).ToList();
        for (var frame = middle - frames / 2; frame < middle - frames / 2 + frames; frame++)
        {
            var row = lines[frame + 1].Split(',').Select(c => c.Trim()).ToArray();
            spoil(row, name => header.IndexOf(name));
            lines[frame + 1] = string.Join(", ", row);
        }
        File.WriteAllLines(csv, lines);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
