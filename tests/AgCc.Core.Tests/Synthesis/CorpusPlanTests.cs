using AgCc.Core.Corpora;
using AgCc.Core.Synthesis;

namespace AgCc.Core.Tests.Synthesis;

/// <summary>The presets' sizes and label proportions, from the plans alone (nothing rendered).</summary>
[Trait("Category", Categories.Unit)]
public sealed class CorpusPlanTests
{
    [Fact]
    public void The_demo_preset_is_small_but_has_enough_speakers_for_speaker_independent_splits()
    {
        var sizes = SynthesisSizes.For(SynthesisPreset.Demo);
        var (crema, msp) = Pair(sizes, seed: 1);
        Assert.InRange(crema.Utterances.Count, 200, 300);
        Assert.InRange(msp.Utterances.Count, 200, 300);
        Assert.True(crema.Utterances.Select(u => u.Speaker.Id).Distinct().Count() >= 8);
        Assert.True(msp.Utterances.Select(u => u.Speaker.Id).Distinct().Count() >= 4);
        Assert.True(msp.Utterances.Select(u => u.Speaker.Id[1..]).Distinct().Count() >= 2, "at least two sessions");
        foreach (var corpus in new SyntheticCorpus[] { crema, msp })
        {
            foreach (var emotion in (Emotion[])[Emotion.Neutral, Emotion.Anger, Emotion.Happiness, Emotion.Sadness])
                Assert.True(corpus.Utterances.Count(u => u.Label == emotion) >= 30, $"{corpus.Name}: fewer than 30 {emotion}");
            // Every utterance's timing fits the preset's duration range.
            Assert.All(corpus.Utterances, u => Assert.InRange(corpus.Timing(u).Duration, sizes.MinSeconds, sizes.MaxSeconds));
        }
        Assert.Contains(crema.Utterances, u => u.Label is Emotion.Disgust or Emotion.Fear);
        Assert.True(crema.Utterances.Count(u => u.Label is Emotion.Disgust or Emotion.Fear) < crema.Utterances.Count / 5);
    }

    [Fact]
    public void The_paper_preset_has_the_real_corpora_s_sizes_and_proportions()
    {
        var (crema, msp) = Pair(SynthesisSizes.For(SynthesisPreset.Paper), seed: 3);

        Assert.Equal(7442, crema.Utterances.Count);
        Assert.Equal(91, crema.Utterances.Select(u => u.Speaker.Id).Distinct().Count());
        Assert.Equal("1001", crema.Utterances.Min(u => u.Speaker.Id));
        Assert.Equal("1091", crema.Utterances.Max(u => u.Speaker.Id));
        var perEmotion = crema.Utterances.GroupBy(u => u.Emotion).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1087, perEmotion[Emotion.Neutral]);
        foreach (var emotion in (Emotion[])[Emotion.Anger, Emotion.Disgust, Emotion.Fear, Emotion.Happiness, Emotion.Sadness])
            Assert.Equal(1271, perEmotion[emotion]);
        Assert.Equal(43, crema.Utterances.Select(u => u.Speaker).DistinctBy(s => s.Id).Count(s => s.Female));
        // IEO at three intensities: 91 actors × 5 emotions × LO/MD/HI, less a few dropped clips.
        Assert.InRange(crema.Utterances.Count(u => u.Id.Contains("_IEO_", StringComparison.Ordinal) && !u.Id.EndsWith("_XX", StringComparison.Ordinal)), 1345, 1365);

        Assert.Equal(8438, msp.Utterances.Count);
        Assert.Equal(
            ["F01", "F02", "F03", "F04", "F05", "F06", "M01", "M02", "M03", "M04", "M05", "M06"],
            msp.Utterances.Select(u => u.Speaker.Id).Distinct().Order(StringComparer.Ordinal));
        // Real consensus shares: 792 angry, 885 sad, 2,644 happy, 3,477 neutral, 640 other or no agreement.
        double Share(Emotion? label) => msp.Utterances.Count(u => u.Label == label) / 8438.0;
        Assert.InRange(Share(Emotion.Anger), 0.094 - 0.035, 0.094 + 0.035);
        Assert.InRange(Share(Emotion.Sadness), 0.105 - 0.035, 0.105 + 0.035);
        Assert.InRange(Share(Emotion.Happiness), 0.313 - 0.05, 0.313 + 0.05);
        Assert.InRange(Share(Emotion.Neutral), 0.412 - 0.05, 0.412 + 0.05);
        Assert.InRange(Share(Emotion.Other) + Share(null), 0.076 - 0.035, 0.076 + 0.035);
        // Conditions as in the real corpus: 652 P, 620 R, 4,381 S, 2,785 T.
        Assert.InRange(msp.Utterances.Count(u => u.Id.Contains("-P-", StringComparison.Ordinal)), 640, 665);
        Assert.InRange(msp.Utterances.Count(u => u.Id.Contains("-T-", StringComparison.Ordinal)), 2770, 2800);
    }

    [Fact]
    public void The_small_preset_has_about_a_thousand_utterances_per_corpus()
    {
        var (crema, msp) = Pair(SynthesisSizes.For(SynthesisPreset.Small), seed: 5);
        Assert.InRange(crema.Utterances.Count, 900, 1100);
        Assert.InRange(msp.Utterances.Count, 900, 1100);
    }

    [Fact]
    public void Ids_are_unique_and_speakers_are_the_same_person_in_every_utterance()
    {
        var (crema, msp) = Pair(SynthesisSizes.For(SynthesisPreset.Small), seed: 9);
        foreach (var corpus in new SyntheticCorpus[] { crema, msp })
        {
            Assert.Equal(corpus.Utterances.Count, corpus.Utterances.Select(u => u.Id).Distinct().Count());
            Assert.Equal(corpus.Utterances.Select(u => u.Id).Order(StringComparer.Ordinal), corpus.Utterances.Select(u => u.Id));
            foreach (var speaker in corpus.Utterances.GroupBy(u => u.Speaker.Id))
                Assert.Single(speaker.Select(u => u.Speaker).Distinct());
        }
        var (again, _) = Pair(SynthesisSizes.For(SynthesisPreset.Small), seed: 9);
        Assert.Equal(crema.Utterances.Select(u => (u.Id, u.Speaker)), again.Utterances.Select(u => (u.Id, u.Speaker)));
    }

    [Fact]
    public void Every_preset_describes_itself_and_bad_sizes_are_refused()
    {
        foreach (var preset in Enum.GetValues<SynthesisPreset>())
            Assert.Contains("crema-d-synth", SynthesisSizes.For(preset).Describe(), StringComparison.Ordinal);
        var demo = SynthesisSizes.For(SynthesisPreset.Demo);
        Assert.Throws<ArgumentException>(() => SyntheticCorpora.Plan(demo with { CremaActors = 0 }, 1));
        Assert.Throws<ArgumentException>(() => SyntheticCorpora.Plan(demo with { MspSessions = 0 }, 1));
        Assert.Throws<ArgumentException>(() => SyntheticCorpora.Plan(demo with { MaxSeconds = 1.2 }, 1));
    }

    private static (SyntheticCorpus Crema, SyntheticCorpus Msp) Pair(SynthesisSizes sizes, int seed)
    {
        var corpora = SyntheticCorpora.Plan(sizes, seed);
        return (corpora[0], corpora[1]);
    }
}
