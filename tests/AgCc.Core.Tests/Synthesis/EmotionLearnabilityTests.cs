using AgCc.Core.Corpora;
using AgCc.Core.Synthesis;
using Xunit.Abstractions;

namespace AgCc.Core.Tests.Synthesis;

/// <summary>
/// Requirement (b): emotion is learnable from the generated audio within a corpus, on held-out
/// speakers, while the shift between the corpora (recording channel, speaking mode, speakers)
/// hurts across them. The Demo preset's four-class utterances (of the MSP-like corpus every
/// second one: its 48 kHz audio is the test's main cost), simple prosodic and spectral features,
/// a nearest-centroid classifier.
/// </summary>
[Trait("Category", Categories.Unit)]
public sealed class EmotionLearnabilityTests(ITestOutputHelper output)
{
    private static readonly Emotion[] FourClasses = [Emotion.Neutral, Emotion.Anger, Emotion.Happiness, Emotion.Sadness];

    [Fact]
    public void Emotion_is_learnable_within_a_corpus_and_the_channel_shift_hurts_across_corpora()
    {
        var corpora = SyntheticCorpora.Plan(SynthesisSizes.For(SynthesisPreset.Demo), seed: 42);
        var data = corpora.ToDictionary(c => c.Name, Features);

        var within = data.ToDictionary(d => d.Key, d => (IReadOnlyList<(Emotion, Emotion)>)LeaveSpeakersOut(d.Value, folds: 4));
        var cross = new Dictionary<string, IReadOnlyList<(Emotion, Emotion)>>
        {
            ["crema→msp"] = TrainTest(data["crema-d-synth"], data["msp-improv-synth"]),
            ["msp→crema"] = TrainTest(data["msp-improv-synth"], data["crema-d-synth"]),
        };
        foreach (var (name, r) in within.Concat(cross))
            output.WriteLine($"{name}: n={r.Count} accuracy {NearestCentroid<Emotion>.Accuracy(r):F3} UAR {NearestCentroid<Emotion>.Uar(r):F3}");

        foreach (var (name, results) in within)
        {
            Assert.True(NearestCentroid<Emotion>.Accuracy(results) >= 0.6, $"{name}: within-corpus accuracy below 0.6");
            Assert.True(NearestCentroid<Emotion>.Uar(results) >= 0.6, $"{name}: within-corpus UAR below 0.6");
        }
        // Training on the other corpus is worse than training on other speakers of the same one,
        // in each direction, and clearly so on average.
        double Accuracy(IReadOnlyList<(Emotion, Emotion)> r) => NearestCentroid<Emotion>.Accuracy(r);
        Assert.True(Accuracy(cross["crema→msp"]) < Accuracy(within["msp-improv-synth"]), "crema→msp is not below within msp-improv-synth");
        Assert.True(Accuracy(cross["msp→crema"]) < Accuracy(within["crema-d-synth"]), "msp→crema is not below within crema-d-synth");
        var withinMean = within.Values.Average(Accuracy);
        var crossMean = cross.Values.Average(Accuracy);
        Assert.True(crossMean <= withinMean - 0.15, $"cross-corpus accuracy {crossMean:F3} is not clearly below within-corpus {withinMean:F3}");
    }

    private static List<(double[] X, Emotion Y, string Speaker)> Features(SyntheticCorpus corpus)
    {
        var stride = corpus.Profile.SampleRate > 16000 ? 2 : 1;
        var chosen = corpus.Utterances.Where(u => u.Label is { } y && FourClasses.Contains(y)).Where((_, i) => i % stride == 0).ToList();
        var rows = new (double[] X, Emotion Y, string Speaker)[chosen.Count];
        Parallel.For(0, chosen.Count, i => rows[i] = (AcousticFeatures.Of(corpus.RenderAudio(chosen[i])), chosen[i].Label!.Value, chosen[i].Speaker.Id));
        return [.. rows];
    }

    /// <summary>Speaker-independent cross-validation: each fold's speakers are held out in turn.</summary>
    private static List<(Emotion, Emotion)> LeaveSpeakersOut(List<(double[] X, Emotion Y, string Speaker)> rows, int folds)
    {
        var speakers = rows.Select(r => r.Speaker).Distinct().Order(StringComparer.Ordinal).ToList();
        var results = new List<(Emotion, Emotion)>();
        for (var f = 0; f < folds; f++)
        {
            var held = speakers.Where((_, i) => i % folds == f).ToHashSet();
            var model = NearestCentroid<Emotion>.Fit(rows.Where(r => !held.Contains(r.Speaker)).Select(r => (r.X, r.Y)).ToList());
            results.AddRange(rows.Where(r => held.Contains(r.Speaker)).Select(r => (r.Y, model.Predict(r.X))));
        }
        return results;
    }

    private static List<(Emotion, Emotion)> TrainTest(List<(double[] X, Emotion Y, string Speaker)> train, List<(double[] X, Emotion Y, string Speaker)> test)
    {
        var model = NearestCentroid<Emotion>.Fit(train.Select(r => (r.X, r.Y)).ToList());
        return test.Select(r => (r.Y, model.Predict(r.X))).ToList();
    }
}
