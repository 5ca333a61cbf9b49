using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AgCc.Core.Gestures;
using AgCc.Core.Statistics;
using AgCc.Core.Training.Config;
using AgCc.Core.Training.Data;

namespace AgCc.Core.Torch.Training.Offline;

/// <summary>
/// AG-CC's gesture clustering without a cluster (METHOD.md step 4): soft-DTW k-means over the
/// segments of both corpora together (source first, then target, each in ingestion order), every
/// segment assigned to its nearest centre with its soft membership. Cached per corpora and settings.
/// </summary>
public static class OfflineGestures
{
    /// <summary>Partitions of the fit, as the GestureClustering grain's default, so both give the same centres.</summary>
    private const int Partitions = 4;

    public static IReadOnlyList<GestureAnchor> Fit(GestureConfig config, IReadOnlyList<OfflineCorpus> corpora, WorkingFolder work, Action<string> log, CancellationToken cancellationToken)
    {
        var key = Key(config, corpora);
        var cache = work.Gestures(key);
        if (File.Exists(cache))
        {
            var cached = Read(cache);
            log($"gestures: {cached.Count} segments in {config.Clusters} clusters (cached)");
            return cached;
        }

        var rows = new List<(string Corpus, string Utterance, double Start, double End)>();
        var series = new List<TimeSeries>();
        foreach (var corpus in corpora)
            foreach (var utterance in corpus.Utterances)
                foreach (var segment in utterance.Segments)
                {
                    rows.Add((corpus.Name, utterance.Source.Id, segment.Start, segment.End));
                    series.Add(new TimeSeries(segment.Frames, segment.Values.Length / segment.Frames, [.. segment.Values.Select(v => (double)v)]));
                }
        if (series.Count < config.Clusters)
            throw new InvalidDataException($"{series.Count} gesture segments in {string.Join(", ", corpora.Select(c => c.Name))}, fewer than k = {config.Clusters}");

        var fit = config.FitSubsample > 0 && config.FitSubsample < series.Count
            ? [.. SeededSubsample.Choose(series.Count, config.FitSubsample, config.Seed).Select(i => series[i])]
            : series;
        log($"gestures: fitting k = {config.Clusters} over {fit.Count} of {series.Count} segments");
        var result = TimeSeriesKMeans.Fit(fit, new TimeSeriesKMeansOptions
        {
            Clusters = config.Clusters,
            Gamma = config.Gamma,
            MaxIterations = config.MaxIterations,
            MaxIterationsBarycenter = config.MaxIterationsBarycenter,
            Tolerance = config.Tolerance,
            Seed = config.Seed,
            Partitions = Partitions,
        });
        var partitions = new LocalKMeansPartitions(series, Math.Min(Partitions, series.Count));
        var (labels, distances) = TimeSeriesKMeans.AssignAsync(partitions, result.Centers, config.Gamma, cancellationToken).GetAwaiter().GetResult();
        var anchors = rows.Select((r, i) => new GestureAnchor(r.Corpus, r.Utterance, r.Start, r.End, labels[i],
            SoftMemberships.Of(distances[i], config.Temperature)[labels[i]])).ToList();
        log($"gestures: {result.Iterations} iterations, inertia {result.Inertia.ToString("G6", CultureInfo.InvariantCulture)}");
        Write(cache, anchors);
        return anchors;
    }

    private static string Key(GestureConfig config, IReadOnlyList<OfflineCorpus> corpora)
    {
        var text = string.Join("|", corpora.Select(c => $"{c.Name}:{c.Fingerprint}")) + "|" + config;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private static void Write(string path, IReadOnlyList<GestureAnchor> anchors)
    {
        var text = new StringBuilder("corpus,utterance,start,end,cluster,membership\n");
        foreach (var a in anchors)
            text.Append(CultureInfo.InvariantCulture, $"{a.Corpus},{a.Utterance},{a.Start:R},{a.End:R},{a.Cluster},{a.Membership:R}\n");
        WorkingFolder.WriteAtomically(path, Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static List<GestureAnchor> Read(string path)
    {
        var anchors = new List<GestureAnchor>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            if (f.Length != 6) throw new InvalidDataException($"{path}: line {anchors.Count + 2} has {f.Length} fields, expected 6");
            anchors.Add(new GestureAnchor(f[0], f[1], double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture),
                int.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture)));
        }
        return anchors;
    }
}
