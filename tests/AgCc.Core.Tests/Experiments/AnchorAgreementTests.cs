using System.Globalization;
using AgCc.Core.Corpora;
using AgCc.Core.Experiments.Analysis;

namespace AgCc.Core.Tests.Experiments;

[Trait("Category", Categories.Unit)]
public sealed class AnchorAgreementTests
{
    private static readonly string[] Pair = ["crema-d", "msp-improv"];

    private static IEnumerable<AnchorSegment> Times(int n, string corpus, string phone, Emotion emotion, int cluster) =>
        Enumerable.Repeat(new AnchorSegment(corpus, phone, emotion, cluster), n);

    /// <summary>
    /// Cluster 1: 5 Sadness (IY) in each corpus. Cluster 3: CREMA-D 4 Neutral + 4 Anger (AA), plus 2 Disgust
    /// and 1 Fear that no task keeps; MSP-IMPROV 4 Anger (AA) + 4 Happiness (IY), plus 1 Other. Cluster 10:
    /// CREMA-D 4 Neutral, MSP-IMPROV 7 Anger (UW). And a segment of a corpus outside the pair.
    /// </summary>
    private static List<AnchorSegment> Segments() =>
    [
        .. Times(5, "crema-d", "IY", Emotion.Sadness, 1),
        .. Times(5, "msp-improv", "IY", Emotion.Sadness, 1),
        .. Times(4, "crema-d", "AA", Emotion.Neutral, 3),
        .. Times(4, "crema-d", "AA", Emotion.Anger, 3),
        .. Times(2, "crema-d", "AA", Emotion.Disgust, 3),
        .. Times(1, "crema-d", "IY", Emotion.Fear, 3),
        .. Times(4, "msp-improv", "AA", Emotion.Anger, 3),
        .. Times(4, "msp-improv", "IY", Emotion.Happiness, 3),
        .. Times(1, "msp-improv", "AA", Emotion.Other, 3),
        .. Times(4, "crema-d", "UW", Emotion.Neutral, 10),
        .. Times(7, "msp-improv", "UW", Emotion.Anger, 10),
        new AnchorSegment("iemocap", "AA", Emotion.Anger, 3),
    ];

    /// <summary>Shannon entropy in bits of a probability vector, 0·log 0 = 0.</summary>
    private static double H(params double[] p) => -p.Where(x => x > 0).Sum(x => x * Math.Log2(x));

    [Fact]
    public void Clusters_count_segments_by_corpus_and_4class_class()
    {
        var analysis = AnchorAgreementAnalysis.For("4class", Pair, Segments());

        Assert.Equal("4class", analysis.Task);
        Assert.Equal(["neutral", "anger", "happiness", "sadness"], analysis.Classes);
        Assert.Equal(Pair, analysis.Corpora);
        // 10 + 16 + 11 labelled; Disgust, Fear, Other and the third corpus are left out.
        Assert.Equal(37, analysis.Segments);

        // Numeric order: 1, 3, 10 (not "1", "10", "3").
        Assert.Equal(["1", "3", "10"], analysis.Clusters.Select(c => c.Anchor));
        var (one, three, ten) = (analysis.Clusters[0], analysis.Clusters[1], analysis.Clusters[2]);
        Assert.Equal([[0, 0, 0, 5], [0, 0, 0, 5]], one.Counts);
        Assert.Equal([[4, 4, 0, 0], [0, 4, 4, 0]], three.Counts);
        Assert.Equal([[4, 0, 0, 0], [0, 7, 0, 0]], ten.Counts);
        Assert.Equal((10, 16, 11), (one.Segments, three.Segments, ten.Segments));
    }

    [Fact]
    public void An_anchor_is_common_only_with_enough_labelled_segments_in_each_corpus()
    {
        var analysis = AnchorAgreementAnalysis.For("4class", Pair, Segments());

        Assert.Equal(5, AnchorAgreementAnalysis.MinSegments);
        // Cluster 1: exactly 5 in each. Cluster 3: 8 labelled in each (the 3 and 1 unlabelled do not count
        // either way). Cluster 10: 4 in CREMA-D.
        Assert.Equal([true, true, false], analysis.Clusters.Select(c => c.Common));
        Assert.Null(analysis.Clusters[2].JensenShannon);
    }

    [Fact]
    public void Unlabelled_segments_do_not_make_an_anchor_common()
    {
        // 4 labelled + 3 Disgust in CREMA-D: 7 segments, only 4 with a class.
        List<AnchorSegment> segments =
        [
            .. Times(4, "crema-d", "AA", Emotion.Anger, 0),
            .. Times(3, "crema-d", "AA", Emotion.Disgust, 0),
            .. Times(6, "msp-improv", "AA", Emotion.Anger, 0),
        ];

        var cluster = Assert.Single(AnchorAgreementAnalysis.For("4class", Pair, segments).Clusters);

        Assert.False(cluster.Common);
        Assert.Null(cluster.JensenShannon);
        Assert.Equal(10, cluster.Segments);
    }

    [Fact]
    public void The_divergence_is_the_jensen_shannon_divergence_in_bits()
    {
        var three = AnchorAgreementAnalysis.For("4class", Pair, Segments()).Clusters[1];

        // P = (½, ½, 0, 0), Q = (0, ½, ½, 0), M = (¼, ½, ¼, 0): H(M) = 1.5 bits, H(P) = H(Q) = 1 bit → 0.5.
        Assert.Equal(0.5, H(0.25, 0.5, 0.25) - (H(0.5, 0.5) + H(0.5, 0.5)) / 2, 12);
        Assert.Equal(0.5, three.JensenShannon!.Value, 12);
    }

    [Fact]
    public void Identical_and_proportional_distributions_diverge_by_zero()
    {
        List<AnchorSegment> segments =
        [
            .. Times(5, "crema-d", "AA", Emotion.Neutral, 0), .. Times(5, "crema-d", "AA", Emotion.Anger, 0),
            .. Times(10, "msp-improv", "AA", Emotion.Neutral, 0), .. Times(10, "msp-improv", "AA", Emotion.Anger, 0),
        ];

        var analysis = AnchorAgreementAnalysis.For("4class", Pair, segments);

        Assert.Equal(0, analysis.Clusters[0].JensenShannon!.Value, 12);
        Assert.Equal(0, analysis.Phones[0].JensenShannon!.Value, 12);
        Assert.Equal(0, AnchorAgreementAnalysis.For("4class", Pair, Segments()).Clusters[0].JensenShannon!.Value, 12);
    }

    [Fact]
    public void Disjoint_distributions_diverge_by_one_bit()
    {
        List<AnchorSegment> segments = [.. Times(5, "crema-d", "AA", Emotion.Neutral, 2), .. Times(6, "msp-improv", "AA", Emotion.Sadness, 2)];

        Assert.Equal(1, AnchorAgreementAnalysis.For("4class", Pair, segments).Clusters[0].JensenShannon!.Value, 12);
    }

    [Fact]
    public void Phones_are_anchors_too_largest_first()
    {
        var analysis = AnchorAgreementAnalysis.For("4class", Pair, Segments());

        // IY: 5 Sadness + 5 Sadness + 4 Happiness = 14; AA: 4 + 4 + 4 = 12; UW: 11.
        Assert.Equal(["IY", "AA", "UW"], analysis.Phones.Select(p => p.Anchor));
        var (iy, aa, uw) = (analysis.Phones[0], analysis.Phones[1], analysis.Phones[2]);
        Assert.Equal([[0, 0, 0, 5], [0, 0, 4, 5]], iy.Counts);
        Assert.Equal([[4, 4, 0, 0], [0, 4, 0, 0]], aa.Counts);
        Assert.Equal([[4, 0, 0, 0], [0, 7, 0, 0]], uw.Counts);
        Assert.Equal([true, false, false], analysis.Phones.Select(p => p.Common));

        // P = (0, 0, 0, 1), Q = (0, 0, 4/9, 5/9), M = (0, 0, 2/9, 7/9).
        var expected = H(2.0 / 9, 7.0 / 9) - (H(1.0) + H(4.0 / 9, 5.0 / 9)) / 2;
        Assert.Equal(expected, iy.JensenShannon!.Value, 12);
        Assert.InRange(expected, 0.268, 0.269);
    }

    [Fact]
    public void Equal_sized_phones_are_in_name_order()
    {
        List<AnchorSegment> segments = [.. Times(5, "crema-d", "UW", Emotion.Anger, 0), .. Times(5, "crema-d", "AA", Emotion.Anger, 0), .. Times(5, "crema-d", "IY", Emotion.Anger, 0)];

        Assert.Equal(["AA", "IY", "UW"], AnchorAgreementAnalysis.For("4class", Pair, segments).Phones.Select(p => p.Anchor));
    }

    [Fact]
    public void Mean_divergences_weigh_common_anchors_by_their_segments()
    {
        var analysis = AnchorAgreementAnalysis.For("4class", Pair, Segments());

        // Clusters: 1 (10 segments, 0) and 3 (16 segments, 0.5) are common; 10 is not.
        Assert.Equal((10 * 0.0 + 16 * 0.5) / (10 + 16), analysis.MeanClusterDivergence!.Value, 12);
        // Phones: IY alone is common.
        Assert.Equal(H(2.0 / 9, 7.0 / 9) - H(4.0 / 9, 5.0 / 9) / 2, analysis.MeanPhoneDivergence!.Value, 12);
    }

    [Fact]
    public void Without_common_anchors_the_means_are_null()
    {
        List<AnchorSegment> segments = [.. Times(9, "crema-d", "AA", Emotion.Anger, 0), .. Times(4, "msp-improv", "AA", Emotion.Anger, 0)];

        var analysis = AnchorAgreementAnalysis.For("4class", Pair, segments);

        Assert.Null(analysis.MeanClusterDivergence);
        Assert.Null(analysis.MeanPhoneDivergence);
        Assert.Equal(13, analysis.Segments);
    }

    [Fact]
    public void No_segments_give_an_empty_analysis()
    {
        var analysis = AnchorAgreementAnalysis.For("valence", Pair, []);

        Assert.Equal(["negative", "positive"], analysis.Classes);
        Assert.Empty(analysis.Clusters);
        Assert.Empty(analysis.Phones);
        Assert.Null(analysis.MeanClusterDivergence);
        Assert.Equal(0, analysis.Segments);
    }

    [Fact]
    public void The_arousal_task_maps_anger_and_happiness_high_neutral_and_sadness_low()
    {
        var analysis = AnchorAgreementAnalysis.For("arousal", Pair, Segments());

        Assert.Equal(["low", "high"], analysis.Classes);
        Assert.Equal(37, analysis.Segments);
        Assert.Equal([[5, 0], [5, 0]], analysis.Clusters[0].Counts);
        // CREMA-D: 4 Neutral (low) + 4 Anger (high); MSP-IMPROV: 4 Anger + 4 Happiness (both high).
        Assert.Equal([[4, 4], [0, 8]], analysis.Clusters[1].Counts);
        Assert.Equal([[4, 0], [0, 7]], analysis.Clusters[2].Counts);

        // P = (½, ½), Q = (0, 1), M = (¼, ¾): H(M) − (1 + 0) / 2 = 1.5 − ¾·log2 3.
        var three = H(0.25, 0.75) - (H(0.5, 0.5) + H(1.0)) / 2;
        Assert.Equal(1.5 - 0.75 * Math.Log2(3), three, 12);
        Assert.Equal(three, analysis.Clusters[1].JensenShannon!.Value, 12);
        Assert.Equal(16 * three / 26, analysis.MeanClusterDivergence!.Value, 12);
    }

    [Fact]
    public void The_valence_task_leaves_out_neutral()
    {
        var analysis = AnchorAgreementAnalysis.For("valence", Pair, Segments());

        // Valence keeps Anger, Sadness (negative) and Happiness (positive): 5 + 5 + 4 + 4 + 4 + 7 = 29.
        Assert.Equal(29, analysis.Segments);
        Assert.Equal([[4, 0], [4, 4]], analysis.Clusters.Single(c => c.Anchor == "3").Counts);
        Assert.Equal([[0, 0], [7, 0]], analysis.Clusters.Single(c => c.Anchor == "10").Counts);
    }

    [Fact]
    public void Markdown_lists_the_means_and_the_common_anchors()
    {
        var analysis = AnchorAgreementAnalysis.For("4class", Pair, Segments());

        var text = AnchorAgreementFormats.Markdown([analysis]);

        Assert.Contains("### 4class: do the anchors mean the same in crema-d and msp-improv?", text);
        Assert.Contains($"AG clusters {(8.0 / 26).ToString("F3", CultureInfo.InvariantCulture)} (2 common of 3)", text);
        Assert.Contains("(1 common of 3); 37 segments.", text);
        Assert.Contains("| 3 | 4/4/0/0 | 0/4/4/0 | 0.500 |", text);
        Assert.Contains("| 1 | 0/0/0/5 | 0/0/0/5 | 0.000 |", text);
        Assert.DoesNotContain("| 10 |", text);
        Assert.Contains("| IY | 0/0/0/5 | 0/0/4/5 |", text);
        Assert.DoesNotContain("| UW |", text);
    }
}
