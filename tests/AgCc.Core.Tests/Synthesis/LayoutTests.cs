using System.Text.RegularExpressions;
using AgCc.Core.Alignments;
using AgCc.Core.Audio;
using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Ingestion;
using AgCc.Core.Synthesis;

namespace AgCc.Core.Tests.Synthesis;

/// <summary>Requirement (d): the files lie where the corpus readers look, in the formats they read.</summary>
[Trait("Category", Categories.Unit)]
[Collection(WrittenCorporaCollection.Name)]
public sealed partial class LayoutTests(SyntheticCorporaFixture corpora)
{
    private string Crema => Path.Combine(corpora.OneThread.OutputDirectory, "crema-d-synth");
    private string Msp => Path.Combine(corpora.OneThread.OutputDirectory, "msp-improv-synth");

    [GeneratedRegex("^(?<actor>10[0-9]{2})_(?<sentence>IEO|TIE|IOM|IWW|TAI|MTI|IWL|ITH|DFA|ITS|TSI|WSI)_(?<emotion>ANG|DIS|FEA|HAP|NEU|SAD)_(?<level>LO|MD|HI|XX)$")]
    private static partial Regex CremaId();

    [GeneratedRegex("^[0-9]+,(?<id>[^,]+),(?<v>[ADFHNS]),(?<vl>[0-9]{1,3}\\.[0-9]{2}),(?<f>[ADFHNS]),(?<fl>[0-9]{1,3}\\.[0-9]{2}),(?<m>[ADFHNS]),(?<ml>[0-9]{1,3}\\.[0-9]{2})$")]
    private static partial Regex SummaryRow();

    [GeneratedRegex("^MSP-IMPROV-(?<scenario>S(?<sentence>[0-9]{2})(?<target>[AHSN]))-(?<speaker>(?<sex>[FM])0(?<session>[1-6]))-(?<condition>[PRST])-(?<dyad>FM|MF)(?<turn>[0-9]{2})$")]
    private static partial Regex MspId();

    [GeneratedRegex("^UTD-IMPROV-(?<id>S[0-9]{2}[AHSN]-[FM]0[1-6]-[PRST]-(FM|MF)[0-9]{2})\\.avi; (?<label>[AHSNOX]); A:[1-5]\\.[0-9]{1,4}; V:[1-5]\\.[0-9]{1,4}; D:[1-5]\\.[0-9]{1,4}; N:(?<n>[0-9]+);$")]
    private static partial Regex ConsensusLine();

    [GeneratedRegex("^Ra[0-9]{2}; (Angry|Happy|Sad|Neutral|Other); A:[1-5]\\.0; V:[1-5]\\.0; D:[1-5]\\.0;$")]
    private static partial Regex RaterLine();

    [Fact]
    public void Crema_like_files_are_named_and_placed_as_in_CREMA_D()
    {
        var ids = Ids(Path.Combine(Crema, "AudioWAV"), "*.wav");
        Assert.Equal(SyntheticCorporaFixture.Tiny.CremaUtterances, ids.Count);
        foreach (var id in ids)
        {
            var match = CremaId().Match(id);
            Assert.True(match.Success, $"{id} is not AAAA_SSS_EEE_LL");
            Assert.True(match.Groups["level"].Value == "XX" || match.Groups["sentence"].Value == "IEO", $"{id}: only IEO has intensity levels");
            Assert.True(File.Exists(Path.Combine(Crema, "openface", id + ".csv")), $"{id}: no landmarks");
            Assert.True(File.Exists(Path.Combine(Crema, "mfa", id + ".TextGrid")), $"{id}: no alignment");
            var info = WavReader.ReadInfo(Path.Combine(Crema, "AudioWAV", id + ".wav"));
            Assert.Equal((16000, 1, 16), (info.Format.SampleRate, info.Format.Channels, info.Format.BitsPerSample));
        }
        Assert.Equal(ids, Ids(Path.Combine(Crema, "openface"), "*.csv"));
        Assert.Equal(ids, Ids(Path.Combine(Crema, "mfa"), "*.TextGrid"));
    }

    [Fact]
    public void The_vote_table_has_CREMA_D_s_header_and_a_row_per_clip_voting_mostly_for_the_intended_emotion()
    {
        var lines = File.ReadAllLines(Path.Combine(Crema, "processedResults", "summaryTable.csv"));
        Assert.Equal(",FileName,VoiceVote,VoiceLevel,FaceVote,FaceLevel,MultiModalVote,MultiModalLevel", lines[0]);
        var rows = lines.Skip(1).Select(l => SummaryRow().Match(l)).ToList();
        Assert.All(rows, r => Assert.True(r.Success, "a row does not match N,{id},{vote},{level},{vote},{level},{vote},{level}"));
        Assert.Equal(Ids(Path.Combine(Crema, "AudioWAV"), "*.wav"), rows.Select(r => r.Groups["id"].Value).Order(StringComparer.Ordinal).ToList());
        Assert.All(rows, r => Assert.InRange(double.Parse(r.Groups["ml"].Value, System.Globalization.CultureInfo.InvariantCulture), 0, 100));
        var agree = rows.Count(r => r.Groups["m"].Value[0] == r.Groups["id"].Value.Split('_')[2][0]);
        Assert.True(agree >= rows.Count / 2, "the audio-visual vote should mostly name the intended emotion");
    }

    [Fact]
    public void Msp_like_audio_lies_under_session_scenario_and_condition_folders()
    {
        var audio = Directory.EnumerateFiles(Path.Combine(Msp, "Audio"), "*.wav", SearchOption.AllDirectories).ToList();
        Assert.Equal(SyntheticCorporaFixture.Tiny.MspUtterances, audio.Count);
        foreach (var file in audio)
        {
            var id = Path.GetFileNameWithoutExtension(file);
            var match = MspId().Match(id);
            Assert.True(match.Success, $"{id} is not MSP-IMPROV-S01A-F01-P-FM01");
            var expected = Path.Combine(Msp, "Audio", "session" + match.Groups["session"].Value, match.Groups["scenario"].Value, match.Groups["condition"].Value, id + ".wav");
            Assert.Equal(expected, file);
            Assert.Equal(match.Groups["sex"].Value == "F" ? "FM" : "MF", match.Groups["dyad"].Value);
            Assert.True(File.Exists(Path.Combine(Msp, "openface", id + ".csv")), $"{id}: no landmarks");
            Assert.True(File.Exists(Path.Combine(Msp, "mfa", id + ".TextGrid")), $"{id}: no alignment");
            var info = WavReader.ReadInfo(file);
            Assert.Equal((48000, 1, 16), (info.Format.SampleRate, info.Format.Channels, info.Format.BitsPerSample));
        }
    }

    [Fact]
    public void Evaluation_txt_has_a_consensus_line_rater_lines_and_a_blank_line_per_turn()
    {
        var lines = File.ReadAllLines(Path.Combine(Msp, "Evaluation.txt"));
        var ids = new List<string>();
        var i = 0;
        while (i < lines.Length)
        {
            var consensus = ConsensusLine().Match(lines[i]);
            Assert.True(consensus.Success, $"line {i + 1} is not a consensus line: {lines[i]}");
            ids.Add("MSP-IMPROV-" + consensus.Groups["id"].Value);
            var raters = int.Parse(consensus.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(raters, 5, 8);
            for (var r = 1; r <= raters; r++)
            {
                Assert.False(lines[i + r].StartsWith("UTD-IMPROV-", StringComparison.Ordinal));
                Assert.Matches(RaterLine(), lines[i + r]);
            }
            Assert.Equal("", lines[i + raters + 1]);
            i += raters + 2;
        }
        var audio = Directory.EnumerateFiles(Path.Combine(Msp, "Audio"), "*.wav", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(audio, ids.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Alignments_carry_ARPAbet_with_stress_digits_and_both_TextGrid_forms_occur()
    {
        var forms = new HashSet<string>();
        foreach (var (root, explicitSilence) in new[] { (Crema, false), (Msp, true) })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "mfa"), "*.TextGrid"))
            {
                var text = File.ReadAllText(file);
                forms.Add(text.Contains("xmin = ", StringComparison.Ordinal) ? "long" : "short");
                var grid = TextGridReader.Read(file);
                Assert.Equal(["words", "phones"], grid.Tiers.Select(t => t.Name));
                var phones = ((IntervalTier)grid.Tiers[1]).Intervals.Select(p => p.Label).Where(l => l.Length > 0).ToList();
                Assert.Equal(explicitSilence, phones[0] == "sil");
                foreach (var label in phones.Where(l => l is not ("sil" or "sp")))
                {
                    var spec = PhoneInventory.Get(label);
                    Assert.Equal(spec.IsVowel, char.IsAsciiDigit(label[^1]));
                }
            }
            if (root == Crema) Assert.Equal(["long"], forms);
        }
        Assert.Equal(["long", "short"], forms.Order());
    }

    [Fact]
    public void The_platform_validates_every_utterance_and_excludes_only_other_and_no_agreement_turns()
    {
        foreach (var summary in corpora.OneThread.Corpora)
        {
            var report = CorpusValidator.Validate(summary.Layout, new CorpusLocation(summary.Directory));
            Assert.Empty(report.Rejected);
            var excluded = summary.NoAgreement + summary.PerEmotion.GetValueOrDefault(Emotion.Other);
            Assert.Equal(summary.Utterances - excluded, report.Accepted.Count);
            Assert.Equal(excluded, report.Excluded.Count);
        }
    }

    [Fact]
    public void The_summary_counts_what_was_written()
    {
        var summary = corpora.OneThread;
        Assert.Equal(["crema-d-synth", "msp-improv-synth"], summary.Corpora.Select(c => c.Name));
        Assert.Equal([CorpusLayout.CremaD, CorpusLayout.MspImprov], summary.Corpora.Select(c => c.Layout));
        foreach (var corpus in summary.Corpora)
        {
            Assert.Equal(corpus.Utterances, corpus.PerSpeaker.Values.Sum());
            Assert.Equal(corpus.Utterances, corpus.PerEmotion.Values.Sum() + corpus.NoAgreement);
            var seconds = Directory.EnumerateFiles(corpus.Directory, "*.wav", SearchOption.AllDirectories).Sum(f => WavReader.Read(f).Duration);
            Assert.Equal(seconds, corpus.TotalAudio.TotalSeconds, 3);
            Assert.All(Directory.EnumerateFiles(corpus.Directory, "*.wav", SearchOption.AllDirectories),
                f => Assert.InRange(WavReader.ReadInfo(f).Duration, 1.0, 2.5));
        }
        Assert.Equal(["1001", "1002"], summary.Corpora[0].PerSpeaker.Keys);
        Assert.Equal(["F01", "M01"], summary.Corpora[1].PerSpeaker.Keys);
        var last = corpora.Progress.GroupBy(p => p.Corpus).ToDictionary(g => g.Key, g => g.Max(p => p.Completed));
        Assert.Equal(12, last["crema-d-synth"]);
        Assert.Equal(14, last["msp-improv-synth"]);
    }

    [Fact]
    public void A_rerun_replaces_its_own_folders_but_never_a_foreign_one()
    {
        var root = Path.Combine(corpora.Root, "rerun");
        var small = SyntheticCorporaFixture.Tiny with { CremaActors = 1, CremaUtterances = 2, MspUtterances = 2 };
        SyntheticCorpora.Write(root, small, seed: 1);
        var stale = Path.Combine(root, "crema-d-synth", "AudioWAV", "stale.wav");
        File.WriteAllText(stale, "not audio");
        SyntheticCorpora.Write(root, small, seed: 1);
        Assert.False(File.Exists(stale));

        var foreign = Path.Combine(corpora.Root, "foreign");
        Directory.CreateDirectory(Path.Combine(foreign, "msp-improv-synth"));
        File.WriteAllText(Path.Combine(foreign, "msp-improv-synth", "notes.txt"), "mine");
        Assert.Throws<IOException>(() => SyntheticCorpora.Write(foreign, small, seed: 1));
        Assert.True(File.Exists(Path.Combine(foreign, "msp-improv-synth", "notes.txt")));
    }

    private static List<string> Ids(string folder, string pattern) =>
        Directory.EnumerateFiles(folder, pattern).Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList();
}
