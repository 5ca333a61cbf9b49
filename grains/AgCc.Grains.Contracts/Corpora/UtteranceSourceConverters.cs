using AgCc.Core.Corpora;

namespace AgCc.Grains.Corpora;

// core/ knows nothing of Orleans: its records cross the wire through these surrogates.

[GenerateSerializer]
public struct UtteranceSourceSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public string Speaker;
    [Id(2)] public Emotion Emotion;
    [Id(3)] public string AudioPath;
    [Id(4)] public string LandmarksPath;
    [Id(5)] public string AlignmentPath;
    [Id(6)] public string? Sentence;
}

[RegisterConverter]
public sealed class UtteranceSourceConverter : IConverter<UtteranceSource, UtteranceSourceSurrogate>
{
    public UtteranceSource ConvertFromSurrogate(in UtteranceSourceSurrogate s) =>
        new(s.Id, s.Speaker, s.Emotion, s.AudioPath, s.LandmarksPath, s.AlignmentPath, s.Sentence);

    public UtteranceSourceSurrogate ConvertToSurrogate(in UtteranceSource u) => new()
    {
        Id = u.Id,
        Speaker = u.Speaker,
        Emotion = u.Emotion,
        AudioPath = u.AudioPath,
        LandmarksPath = u.LandmarksPath,
        AlignmentPath = u.AlignmentPath,
        Sentence = u.Sentence,
    };
}
