using AgCc.Core.Corpora;
using AgCc.Core.Synthesis;
using AgCc.Core.Training.Config;
using AgCc.Core.Training.Data;

namespace AgCc.Core.Tests.Training.Loop;

/// <summary>
/// Two small corpora of random features whose mean depends on the emotion (the target's shifted,
/// as a corpus shift), with segments for every method; small enough to train in a second.
/// </summary>
internal static class TinyTrainingData
{
    public const int Dimensions = 6;

    public static RunConfig Config(TrainingMethod method, long seed = 3) => new()
    {
        Method = method,
        Task = "4class",
        Seed = seed,
        Source = new CorpusReference("tiny-a"),
        Target = new CorpusReference("tiny-b"),
        Gestures = new GestureConfig(Clusters: 3),
        Model = new ModelConfig(Width: 8, Layers: 2, Heads: 2, FeedForward: 16, Dropout: 0.1, Hidden: [8, 8, 8]),
        Anchor = new AnchorConfig(Phones: "all"),
        Training = new OptimizationConfig(Epochs: 3, BatchSize: 8, LearningRate: 3e-3, Patience: 10, DevSpeakers: 0.25, MaxFrames: 12, Threads: 1),
    };

    /// <param name="planes">Hidden-state planes per frame (a wav2vec 2.0 `weighted` stack when above 1): plane p carries the emotion signal scaled by p + 1.</param>
    public static TrainingData Build(RunConfig config, int planes = 1)
    {
        var (source, sourceAnchors) = Corpus("tiny-a", 0.0, 1, planes);
        var (target, targetAnchors) = Corpus("tiny-b", 0.5, 2, planes);
        return TrainingDataBuilder.Build(config, source, target, [.. sourceAnchors, .. targetAnchors]);
    }

    private static (CorpusFeatures, List<GestureAnchor>) Corpus(string name, double shift, ulong seed, int planes)
    {
        var random = new Prng(seed);
        var emotions = new[] { Emotion.Neutral, Emotion.Anger, Emotion.Happiness, Emotion.Sadness };
        var layout = new AgCc.Core.Features.FeatureLayout(planes, Dimensions, new AgCc.Core.Features.FrameTiming(100, 0));
        var utterances = new List<LabelledFeatures>();
        var anchors = new List<GestureAnchor>();
        for (var i = 0; i < 24; i++)
        {
            var emotion = emotions[i % 4];
            var frames = random.NextInt(10, 20);
            var values = new float[planes * frames * Dimensions];
            for (var p = 0; p < planes; p++)
                for (var t = 0; t < frames; t++)
                    for (var d = 0; d < Dimensions; d++)
                        values[(p * frames + t) * Dimensions + d] = (float)(random.Gaussian() + shift + (d == (int)emotion ? 1.5 * (p + 1) : 0));
            var id = $"{name}-{i:D2}";
            var phones = new List<AgCc.Core.Features.PhoneFrames>();
            for (var start = 0; start + 3 <= frames; start += 3)
            {
                var phone = new[] { "AA", "IY", "K" }[(start / 3 + i) % 3];
                phones.Add(new(phone, start / 100.0, (start + 3) / 100.0, start, start + 3));
                anchors.Add(new GestureAnchor(name, id, start / 100.0, (start + 3) / 100.0, (start / 3 + (int)emotion) % 3, 0.5 + 0.1 * (start % 4)));
            }
            utterances.Add(new LabelledFeatures($"{name}-speaker{i % 4}", emotion, new AgCc.Core.Features.UtteranceFeatures(id, frames, values, phones)));
        }
        return (new CorpusFeatures(name, layout, utterances), anchors);
    }
}
