using System.Diagnostics;
using AgCc.Core.Audio;
using AgCc.Core.Corpora.Ingestion;
using AgCc.Core.Features;
using AgCc.Core.Formats;
using AgCc.Core.Torch;
using AgCc.Core.Torch.Features;

namespace AgCc.Grains.Features;

/// <summary>One corpus batch through an extractor: its audio read (off the extractor's path, so the next batch's audio loads while this one computes), then each utterance extracted.</summary>
internal static class FeatureBatchExtraction
{
    /// <summary>An utterance's audio at the extractor's rate, or why it could not be read.</summary>
    public sealed record LoadedUtterance(IngestedUtterance Utterance, AudioClip? Audio, string? Problem);

    public sealed record Result(byte[] Blob, FeatureStatistics Statistics, int Utterances, long Frames, double AudioSeconds, double ExtractionSeconds, IReadOnlyList<string> Rejections);

    public static LoadedUtterance[] LoadAudio(IReadOnlyList<IngestedUtterance> utterances, int sampleRate) =>
    [
        .. utterances.Select(u =>
        {
            try
            {
                return new LoadedUtterance(u, AudioLoader.Load(u.Source.AudioPath, sampleRate), null);
            }
            catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException)
            {
                return new LoadedUtterance(u, null, e.Message);
            }
        }),
    ];

    public static Result Extract(IFeatureExtractor extractor, IReadOnlyList<LoadedUtterance> batch)
    {
        var layout = extractor.Layout;
        var statistics = new FeatureStatistics(layout.ValuesPerFrame);
        var features = new List<UtteranceFeatures>(batch.Count);
        var rejections = new List<string>();
        var (frames, audioSeconds) = (0L, 0.0);
        var watch = new Stopwatch();
        // One no-GC window for the batch: TorchSharp's implicit Scalars must not be finalized mid-call (docs/torchsharp.md).
        using var quiet = FinalizerQuietWindow.Enter();
        foreach (var item in batch)
        {
            var id = item.Utterance.Source.Id;
            if (item.Audio is not { } audio)
            {
                rejections.Add($"{id}: {item.Problem}");
                continue;
            }
            if (extractor.Frames(audio.Samples.Length) == 0)
            {
                rejections.Add($"{id}: {audio.Duration:F3} s of audio is too short for one frame");
                continue;
            }
            watch.Start();
            var utterance = extractor.Extract(id, audio.Samples, item.Utterance.Alignment.Phones);
            watch.Stop();
            statistics.Add(utterance, layout);
            features.Add(utterance);
            frames += utterance.Frames;
            audioSeconds += audio.Duration;
        }
        return new Result(FeatureBatchFormat.Write(layout, features), statistics, features.Count, frames, audioSeconds, watch.Elapsed.TotalSeconds, rejections);
    }
}
