using AgCc.Core.Features;

namespace AgCc.Grains.Features;

/// <summary>
/// The features of one corpus under one extractor (key <see cref="KeyOf"/>: `corpus/spec-key`):
/// computed once, batch by batch on the silo's device, stored as blobs (one per corpus batch),
/// reused by every run that asks for the same; a restart resumes at the next unfinished batch.
/// </summary>
public interface IFeatureSetGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts (or resumes) extraction in the background and returns at once. Starting a completed
    /// set whose corpus has not been re-ingested since is a no-op: its blobs are reused.
    /// </summary>
    Task<FeatureSetStatus> Start(FeatureSpec spec);

    Task<FeatureSetStatus> GetStatus();

    public static string KeyOf(string corpus, FeatureSpec spec) => $"{corpus}/{spec.Key}";
}
