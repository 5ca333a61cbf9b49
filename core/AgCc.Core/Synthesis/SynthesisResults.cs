using AgCc.Core.Corpora;

namespace AgCc.Core.Synthesis;

/// <summary>Progress of a synthesis run: utterances written so far in one corpus.</summary>
public sealed record SynthesisProgress(string Corpus, int Completed, int Total);

/// <summary>What was written for one corpus.</summary>
/// <param name="PerEmotion">Utterances per label as the corpus reader will see it (CREMA: the
/// file name's emotion; MSP: the consensus label, `O` as <see cref="Emotion.Other"/>).</param>
/// <param name="NoAgreement">MSP turns whose raters reached no consensus (`X`).</param>
public sealed record SyntheticCorpusSummary(
    string Name,
    CorpusLayout Layout,
    string Directory,
    int SampleRate,
    int Utterances,
    IReadOnlyDictionary<Emotion, int> PerEmotion,
    int NoAgreement,
    IReadOnlyDictionary<string, int> PerSpeaker,
    TimeSpan TotalAudio);

/// <summary>The result of <see cref="SyntheticCorpora.Write(string, SynthesisPreset, int, IProgress{SynthesisProgress}?, CancellationToken)"/>.</summary>
public sealed record SynthesisSummary(string OutputDirectory, int Seed, SynthesisSizes Sizes, IReadOnlyList<SyntheticCorpusSummary> Corpora);
