using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Layouts;
using AgCc.Core.Formats;

namespace AgCc.Core.Tests.Corpora;

[Trait("Category", Categories.Unit)]
public sealed class ManifestLayoutTests : IDisposable
{
    private readonly CorpusFolder corpus = new();

    private CorpusListing List(string? root = null) => new ManifestLayout().List(new CorpusLocation(root ?? corpus.Root));

    [Fact]
    public void Rows_name_their_files_relative_to_the_manifest()
    {
        corpus.Write("wav/u1.wav");
        corpus.Write("lm/u1.csv");
        corpus.Write("tg/u1.TextGrid");
        corpus.Utterance("wav/u2.wav", "u2");
        corpus.Write("manifest.csv", """
            utterance,audio,speaker,label,landmarks,alignment,sentence
            u1,wav/u1.wav,spk1,Anger,lm/u1.csv,tg/u1.TextGrid,"Hello, world"
            u2,wav/u2.wav,spk2,sadness,,,
            """);

        var listing = List();

        Assert.Empty(listing.Rejected);
        var (u1, u2) = (listing.Utterances[0], listing.Utterances[1]);
        Assert.Equal((Path.Combine(corpus.Root, "lm", "u1.csv"), Emotion.Anger, "Hello, world"), (u1.LandmarksPath, u1.Emotion, u1.Sentence));
        Assert.Equal((Path.Combine(corpus.Root, "openface", "u2.csv"), "spk2", Emotion.Sadness), (u2.LandmarksPath, u2.Speaker, u2.Emotion));
    }

    [Fact]
    public void Bad_rows_are_rejected_with_their_line_and_the_rest_accepted()
    {
        corpus.Utterance("u1.wav", "u1");
        corpus.Utterance("u3.wav", "u3");
        corpus.Write("manifest.csv", """
            utterance,audio,speaker,label
            u1,u1.wav,s1,neutral
            u2,u2.wav,s1,bored
            u3,u3.wav,s2
            u3,u3.wav,s2,happiness
            u4,u4.wav,s2,happiness
            """);

        var listing = List(Path.Combine(corpus.Root, "manifest.csv"));

        Assert.Equal(["u1", "u3"], listing.Utterances.Select(u => u.Id));
        Assert.Collection(listing.Rejected,
            r => Assert.Contains("line 3: label 'bored'", r.Reason),
            r => Assert.Equal("line 4: expected 4 fields, found 3", r.Reason),
            r => Assert.Equal(("u4", "audio file is missing"), (r.Utterance, r.Reason)));
    }

    [Fact]
    public void A_header_without_the_required_columns_names_them()
    {
        corpus.Write("manifest.csv", "id,audio,label\n");
        var error = Assert.Throws<InputException>(() => List());
        Assert.Equal("line 1", error.Location);
        Assert.Contains("missing column(s) utterance, speaker", error.Message);
    }

    public void Dispose() => corpus.Dispose();
}
