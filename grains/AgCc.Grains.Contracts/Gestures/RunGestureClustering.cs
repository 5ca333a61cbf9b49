using System.Security.Cryptography;
using System.Text;
using AgCc.Core.Training.Config;

namespace AgCc.Grains.Gestures;

/// <summary>
/// The gesture clustering an AG-CC run anchors on: one per corpus pair and gesture settings, named
/// by a hash of its spec, so every run (and experiment, and the demo) that asks for the same shares it.
/// </summary>
public static class RunGestureClustering
{
    /// <summary>The run's clustering spec; the corpora are in name order, so both directions of a pair share one.</summary>
    public static GestureClusteringSpec Spec(RunConfig config)
    {
        var g = config.Gestures;
        string[] corpora = [.. new[] { config.Source.Name, config.Target.Name }.Order(StringComparer.Ordinal)];
        return new GestureClusteringSpec(corpora, g.Clusters, g.Gamma, g.MaxIterations, g.MaxIterationsBarycenter,
            g.Tolerance, GestureInit.KMeansPlusPlus, g.Seed, g.FitSubsample, g.Temperature);
    }

    /// <summary>`run-` and a hash of the spec.</summary>
    public static string Name(GestureClusteringSpec spec)
    {
        var text = string.Join("|", spec.Corpora) + FormattableString.Invariant(
            $"|{spec.Clusters}|{spec.Gamma:R}|{spec.MaxIterations}|{spec.MaxIterationsBarycenter}|{spec.Tolerance:R}|{spec.Init}|{spec.Seed}|{spec.FitSubsample}|{spec.Temperature:R}|{spec.Partitions}");
        return "run-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
