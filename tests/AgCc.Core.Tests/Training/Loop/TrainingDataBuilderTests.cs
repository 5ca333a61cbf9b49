using AgCc.Core.Corpora;
using AgCc.Core.Features;
using AgCc.Core.Training.Config;
using AgCc.Core.Training.Data;

namespace AgCc.Core.Tests.Training.Loop;

[Trait("Category", Categories.Unit)]
public sealed class TrainingDataBuilderTests
{
    private static readonly FeatureLayout Layout = new(1, 2, new FrameTiming(100, 0));

    [Fact]
    public void Target_labels_are_kept_apart_and_source_emotions_outside_the_task_dropped()
    {
        var data = TrainingDataBuilder.Build(Config(TrainingMethod.Baseline),
            Corpus("a", Emotion.Anger, Emotion.Disgust, Emotion.Sadness), Corpus("b", Emotion.Happiness, Emotion.Fear), null);

        Assert.Equal(["a-0", "a-2"], data.Source.Utterances.Select(u => u.Id));
        Assert.Equal([1, 3], data.Source.Labels);
        Assert.All(data.Target.Utterances, u => Assert.Equal(-1, u.Label));
        Assert.Equal([2, -1], data.Target.Labels);
        Assert.All(data.Source.Utterances.Concat(data.Target.Utterances), u => Assert.Empty(u.Segments));
    }

    [Fact]
    public void Pa_cc_anchors_on_vowels_by_identity_and_marks_the_common_ones()
    {
        var data = TrainingDataBuilder.Build(Config(TrainingMethod.PaCc), Corpus("a", Emotion.Anger), Corpus("b", Emotion.Anger), null);

        // Corpus a says AA1 and K, b says AA2 and IY0: vowels AA and IY, only AA in both.
        Assert.Equal(["AA", "IY"], data.Anchors);
        Assert.Equal([true, false], data.CommonAnchors);
        Assert.Equal([new TrainingSegment(0, 5, 0, 1.0)], data.Source.Utterances[0].Segments);
        Assert.Equal([new TrainingSegment(0, 5, 0, 1.0), new TrainingSegment(5, 10, 1, 1.0)], data.Target.Utterances[0].Segments);
    }

    [Fact]
    public void Ag_cc_maps_gesture_segments_to_feature_frames_with_their_membership()
    {
        GestureAnchor[] gestures =
        [
            new("a", "a-0", 0.02, 0.07, 1, 0.8),
            new("b", "b-0", 0.05, 0.10, 1, 0.6),
            new("b", "b-0", 0.00, 0.05, 2, 0.9),
        ];
        var data = TrainingDataBuilder.Build(Config(TrainingMethod.AgCc), Corpus("a", Emotion.Anger), Corpus("b", Emotion.Anger), gestures);

        Assert.Equal([false, true, false], data.CommonAnchors);
        Assert.Equal([new TrainingSegment(2, 7, 1, 0.8)], data.Source.Utterances[0].Segments);
        Assert.Equal([new TrainingSegment(5, 10, 1, 0.6), new TrainingSegment(0, 5, 2, 0.9)], data.Target.Utterances[0].Segments);
    }

    [Fact]
    public void Features_of_different_shapes_are_refused()
    {
        var other = Corpus("b", Emotion.Anger) with { Layout = new FeatureLayout(1, 3, new FrameTiming(100, 0)) };
        var error = Assert.Throws<InvalidDataException>(() => TrainingDataBuilder.Build(Config(TrainingMethod.Baseline), Corpus("a", Emotion.Anger), other, null));
        Assert.Contains("differ in shape", error.Message);
    }

    private static RunConfig Config(TrainingMethod method) => new()
    {
        Method = method,
        Task = "4class",
        Source = new CorpusReference("a"),
        Target = new CorpusReference("b"),
        Gestures = new GestureConfig(Clusters: 3),
    };

    private static CorpusFeatures Corpus(string name, params Emotion[] emotions) => new(name, Layout,
    [
        .. emotions.Select((e, i) => new LabelledFeatures($"{name}-speaker", e, new UtteranceFeatures($"{name}-{i}", 10, new float[20],
            name == "a"
                ? [new PhoneFrames("AA1", 0, 0.05, 0, 5), new PhoneFrames("K", 0.05, 0.1, 5, 10)]
                : [new PhoneFrames("AA2", 0, 0.05, 0, 5), new PhoneFrames("IY0", 0.05, 0.1, 5, 10)]))),
    ]);
}
