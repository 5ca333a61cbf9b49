using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Labels;
using AgCc.Core.Corpora.Layouts;
using AgCc.Core.Formats;

namespace AgCc.Core.Tests.Corpora;

[Trait("Category", Categories.Unit)]
public sealed class CremaDLayoutTests : IDisposable
{
    private readonly CorpusFolder corpus = new();

    private CorpusListing List(CremaDLabelSource source = CremaDLabelSource.FileName) =>
        new CremaDLayout(LabelMaps.BuiltIn, source).List(new CorpusLocation(corpus.Root));

    [Fact]
    public void Labels_speaker_and_sentence_come_from_the_file_name()
    {
        corpus.Utterance("AudioWAV/1001_DFA_ANG_XX.wav", "1001_DFA_ANG_XX");
        corpus.Utterance("AudioWAV/1091_IEO_SAD_HI.wav", "1091_IEO_SAD_HI");

        var listing = List();

        Assert.Empty(listing.Rejected);
        Assert.Equal(["1001_DFA_ANG_XX", "1091_IEO_SAD_HI"], listing.Utterances.Select(u => u.Id));
        var first = listing.Utterances[0];
        Assert.Equal(("1001", Emotion.Anger, "Don't forget a jacket"), (first.Speaker, first.Emotion, first.Sentence));
        Assert.Equal(Path.Combine(corpus.Root, "openface", "1001_DFA_ANG_XX.csv"), first.LandmarksPath);
        Assert.Equal(Path.Combine(corpus.Root, "mfa", "1001_DFA_ANG_XX.TextGrid"), first.AlignmentPath);
        Assert.Equal(Emotion.Sadness, listing.Utterances[1].Emotion);
    }

    [Theory]
    [InlineData("1001_DFA_XYZ_XX", "unknown emotion code 'XYZ'")]
    [InlineData("1001_ABC_ANG_XX", "unknown sentence code 'ABC'")]
    [InlineData("1001_DFA_ANG_ZZ", "unknown intensity 'ZZ'")]
    [InlineData("101_DFA_ANG_XX", "file name is not AAAA_SSS_EEE_LL")]
    [InlineData("notes", "file name is not AAAA_SSS_EEE_LL")]
    public void Bad_file_names_are_rejected_with_the_reason(string id, string reason)
    {
        corpus.Utterance("AudioWAV/1002_TIE_NEU_XX.wav", "1002_TIE_NEU_XX");
        corpus.Utterance($"AudioWAV/{id}.wav", id);

        var listing = List();

        Assert.Equal("1002_TIE_NEU_XX", Assert.Single(listing.Utterances).Id);
        var rejection = Assert.Single(listing.Rejected);
        Assert.Equal((id, Path.Combine(corpus.Root, "AudioWAV", id + ".wav")), (rejection.Utterance, rejection.File));
        Assert.Contains(reason, rejection.Reason);
    }

    [Fact]
    public void Missing_companion_files_are_named()
    {
        corpus.Write("AudioWAV/1003_IOM_HAP_XX.wav");
        corpus.Write("mfa/1003_IOM_HAP_XX.TextGrid");
        corpus.Write("AudioWAV/1004_IOM_HAP_XX.wav");
        corpus.Write("openface/1004_IOM_HAP_XX.csv");

        var rejected = List().Rejected;

        Assert.Equal(2, rejected.Count);
        Assert.Equal(Path.Combine(corpus.Root, "openface", "1003_IOM_HAP_XX.csv"), rejected[0].File);
        Assert.Contains("landmark file", rejected[0].Reason);
        Assert.Equal(Path.Combine(corpus.Root, "mfa", "1004_IOM_HAP_XX.TextGrid"), rejected[1].File);
        Assert.Contains("alignment file", rejected[1].Reason);
    }

    [Fact]
    public void Companion_folders_can_live_elsewhere()
    {
        using var elsewhere = new CorpusFolder();
        corpus.Write("AudioWAV/1005_WSI_NEU_XX.wav");
        elsewhere.Write("lm/1005_WSI_NEU_XX.csv");
        elsewhere.Write("al/1005_WSI_NEU_XX.TextGrid");

        var location = new CorpusLocation(corpus.Root, Path.Combine(elsewhere.Root, "lm"), Path.Combine(elsewhere.Root, "al"));
        var utterance = Assert.Single(new CremaDLayout(LabelMaps.BuiltIn).List(location).Utterances);

        Assert.StartsWith(elsewhere.Root, utterance.LandmarksPath);
    }

    [Fact]
    public void Crowd_votes_relabel_exclude_ties_and_reject_bad_lines_alone()
    {
        foreach (var id in new[] { "1001_DFA_ANG_XX", "1001_DFA_HAP_XX", "1001_DFA_SAD_XX", "1001_DFA_NEU_XX", "1001_TSI_NEU_XX" })
            corpus.Utterance($"AudioWAV/{id}.wav", id);
        corpus.Write(CremaDLayout.SummaryTable, string.Join('\n',
            ",FileName,VoiceVote,VoiceLevel,FaceVote,FaceLevel,MultiModalVote,MultiModalLevel",
            "1,1001_DFA_ANG_XX,A,60.00,A,50.00,A,55.00",
            "2,1001_DFA_HAP_XX,N,70.00,H,50.00,H,80.00",
            "3,1001_DFA_SAD_XX,S:N,50.00,S,50.00,S:N,50.00",
            "4,1001_DFA_NEU_XX"));

        var listing = List(CremaDLabelSource.VoiceVote);

        Assert.Equal([("1001_DFA_ANG_XX", Emotion.Anger), ("1001_DFA_HAP_XX", Emotion.Neutral)],
            listing.Utterances.Select(u => (u.Id, u.Emotion)));
        Assert.Contains("'S:N' has no single emotion", Assert.Single(listing.Excluded).Reason);
        Assert.Collection(listing.Rejected,
            r => Assert.Equal(("1001_DFA_NEU_XX", "line 5 does not parse"), (r.Utterance, r.Reason[..21])),
            r => Assert.Equal(("1001_TSI_NEU_XX", "no row for this file in the vote table"), (r.Utterance, r.Reason)));
    }

    [Fact]
    public void A_missing_audio_folder_fails_the_whole_corpus()
    {
        var error = Assert.Throws<InputException>(() => List());
        Assert.Contains("AudioWAV", error.File);
    }

    public void Dispose() => corpus.Dispose();
}
