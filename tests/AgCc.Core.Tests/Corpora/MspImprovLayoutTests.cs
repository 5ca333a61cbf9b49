using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Labels;
using AgCc.Core.Corpora.Layouts;

namespace AgCc.Core.Tests.Corpora;

[Trait("Category", Categories.Unit)]
public sealed class MspImprovLayoutTests : IDisposable
{
    private readonly CorpusFolder corpus = new();

    private void Turn(string id) => corpus.Utterance($"Audio/session1/{id[11..15]}/{id[20]}/{id}.wav", id);

    private CorpusListing List() => new MspImprovLayout(LabelMaps.BuiltIn).List(new CorpusLocation(corpus.Root));

    [Fact]
    public void Consensus_labels_are_read_and_other_or_no_agreement_are_excluded()
    {
        Turn("MSP-IMPROV-S01A-F01-P-FM01");
        Turn("MSP-IMPROV-S01H-M01-R-MF02");
        Turn("MSP-IMPROV-S02S-F01-S-FM03");
        Turn("MSP-IMPROV-S02N-M01-T-MF04");
        corpus.Write("Evaluation.txt", """
            UTD-IMPROV-S01A-F01-P-FM01.avi; A; A:3.2; V:2.0; D:3.4; N:5;
            Ra01; Angry; A:3.0; V:2.0; D:3.0;
            Ra02; Frustrated; A:4.0; V:2.0; D:4.0;

            UTD-IMPROV-S01H-M01-R-MF02.avi; N; A:2.0; V:3.0; D:3.0; N:5;
            Ra01; Neutral; A:2.0; V:3.0; D:3.0;

            UTD-IMPROV-S02S-F01-S-FM03.avi; X; A:2.0; V:2.0; D:2.0; N:5;

            UTD-IMPROV-S02N-M01-T-MF04.avi; O; A:2.0; V:2.0; D:2.0; N:5;
            """);

        var listing = List();

        Assert.Equal([("MSP-IMPROV-S01A-F01-P-FM01", "F01", Emotion.Anger), ("MSP-IMPROV-S01H-M01-R-MF02", "M01", Emotion.Neutral)],
            listing.Utterances.Select(u => (u.Id, u.Speaker, u.Emotion)));
        Assert.Empty(listing.Rejected);
        Assert.Equal(["MSP-IMPROV-S02N-M01-T-MF04", "MSP-IMPROV-S02S-F01-S-FM03"], listing.Excluded.Select(e => e.Utterance));
        Assert.Contains("(other emotion)", listing.Excluded[0].Reason);
        Assert.Contains("(no agreement)", listing.Excluded[1].Reason);
    }

    [Fact]
    public void Lines_that_do_not_parse_reject_their_turn_and_nothing_else()
    {
        Turn("MSP-IMPROV-S01A-F01-P-FM01");
        Turn("MSP-IMPROV-S03H-F01-P-FM05");
        Turn("MSP-IMPROV-S04H-F01-P-FM06");
        Turn("MSP-IMPROV-S05H-F01-P-FM07");
        corpus.Write("Evaluation.txt", """
            UTD-IMPROV-S01A-F01-P-FM01.avi; A; A:3.2; V:2.0; D:3.4; N:5;
            UTD-IMPROV-S03H-F01-P-FM05.avi A:3.2 V:2.0
            UTD-IMPROV-S04H-F01-P-FM06.avi; Q; A:3.2; V:2.0; D:3.4; N:5;
            """);

        var listing = List();

        Assert.Equal("MSP-IMPROV-S01A-F01-P-FM01", Assert.Single(listing.Utterances).Id);
        Assert.Collection(listing.Rejected,
            r => Assert.Equal(("MSP-IMPROV-S03H-F01-P-FM05", "line 2 does not parse"), (r.Utterance, r.Reason[..21])),
            r => Assert.Contains("unknown consensus label 'Q'", r.Reason),
            r => Assert.Equal(("MSP-IMPROV-S05H-F01-P-FM07", "no consensus label for this turn"), (r.Utterance, r.Reason)));
        Assert.All(listing.Rejected.Take(2), r => Assert.EndsWith("Evaluation.txt", r.File.Split(' ')[0]));
    }

    [Fact]
    public void Audio_that_is_not_named_like_a_turn_is_rejected()
    {
        corpus.Utterance("Audio/session1/extra/readme.wav", "readme");
        corpus.Write("Evaluation.txt", "");

        Assert.Contains("file name is not MSP-IMPROV", Assert.Single(List().Rejected).Reason);
    }

    public void Dispose() => corpus.Dispose();
}
