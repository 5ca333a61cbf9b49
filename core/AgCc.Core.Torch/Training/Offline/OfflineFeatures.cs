using AgCc.Core.Audio;
using AgCc.Core.Features;
using AgCc.Core.Formats;
using AgCc.Core.Torch;
using AgCc.Core.Torch.Features;
using AgCc.Core.Training.Data;

namespace AgCc.Core.Torch.Training.Offline;

/// <summary>A corpus's acoustic features without a cluster (METHOD.md step 5), cached per corpus fingerprint and feature spec.</summary>
public static class OfflineFeatures
{
    private const int QuietWindowUtterances = 32;

    public static CorpusFeatures Load(OfflineCorpus corpus, FeatureSpec spec, WorkingFolder work, Action<string> log, CancellationToken cancellationToken)
    {
        var cache = work.Features(corpus.Name, corpus.Fingerprint, spec.Key);
        FeatureLayout layout;
        IReadOnlyList<UtteranceFeatures> features;
        if (File.Exists(cache))
        {
            (layout, features) = FeatureBatchFormat.Read(File.ReadAllBytes(cache), cache);
            log($"{corpus.Name}: {spec.Key} features of {features.Count} utterances (cached)");
        }
        else
        {
            (layout, features) = Extract(corpus, spec, log, cancellationToken);
            WorkingFolder.WriteAtomically(cache, FeatureBatchFormat.Write(layout, features));
        }
        if (spec.Normalization == FeatureNormalization.Corpus) NormalizeByCorpus(layout, features);

        var byId = corpus.Utterances.ToDictionary(u => u.Source.Id, StringComparer.Ordinal);
        return new CorpusFeatures(corpus.Name, layout,
            [.. features.Select(f => new LabelledFeatures(byId[f.Utterance].Source.Speaker, byId[f.Utterance].Source.Emotion, f))]);
    }

    private static (FeatureLayout, IReadOnlyList<UtteranceFeatures>) Extract(OfflineCorpus corpus, FeatureSpec spec, Action<string> log, CancellationToken cancellationToken)
    {
        using var extractor = FeatureExtractors.Create(spec);
        var features = new List<UtteranceFeatures>(corpus.Utterances.Count);
        var skipped = 0;
        foreach (var group in corpus.Utterances.Chunk(QuietWindowUtterances))
        {
            // A no-GC window per few utterances: TorchSharp's implicit Scalars must not be finalized mid-call (docs/torchsharp.md).
            using var quiet = FinalizerQuietWindow.Enter();
            foreach (var utterance in group)
            {
                cancellationToken.ThrowIfCancellationRequested();
                AudioClip audio;
                try
                {
                    audio = AudioLoader.Load(utterance.Source.AudioPath, extractor.SampleRate);
                }
                catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException)
                {
                    log($"  {corpus.Name}/{utterance.Source.Id}: skipped: {e.Message}");
                    skipped++;
                    continue;
                }
                if (extractor.Frames(audio.Samples.Length) == 0)
                {
                    log($"  {corpus.Name}/{utterance.Source.Id}: skipped: {audio.Duration:F3} s of audio is too short for one frame");
                    skipped++;
                    continue;
                }
                features.Add(extractor.Extract(utterance.Source.Id, audio.Samples, utterance.Alignment.Phones));
            }
        }
        log($"{corpus.Name}: {spec.Key} features of {features.Count} utterances extracted{(skipped > 0 ? $", {skipped} skipped" : "")}");
        return (extractor.Layout, features);
    }

    /// <summary>Corpus-level mean/variance normalisation, plane by plane, as the feature sets' reader applies it.</summary>
    private static void NormalizeByCorpus(FeatureLayout layout, IReadOnlyList<UtteranceFeatures> features)
    {
        var statistics = new FeatureStatistics(layout.ValuesPerFrame);
        foreach (var f in features) statistics.Add(f, layout);
        foreach (var f in features) statistics.Normalize(f, layout);
    }
}
