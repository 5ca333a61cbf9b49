using AgCc.Core.Corpora;
using AgCc.Grains.Gestures;

namespace AgCc.Dashboard.Gestures;

/// <summary>One heatmap cell: a cluster's segments of one emotion in one corpus.</summary>
/// <param name="Count">Segments of the emotion (in the corpus) in the cluster.</param>
/// <param name="EmotionTotal">Segments of the emotion in the corpus, over every cluster.</param>
public readonly record struct HeatmapCell(int Count, int EmotionTotal)
{
    /// <summary>Which share of the corpus's segments of the emotion fall in the cluster (NaN when it has none).</summary>
    public double Share => EmotionTotal > 0 ? (double)Count / EmotionTotal : double.NaN;
}

/// <summary>
/// A corpus's cluster × emotion table: rows are the clusters, columns the emotions the corpus has
/// segments of (in the enum's order). Column shares sum to 1: a cell says where that emotion's
/// segments went, so corpora of different sizes and label balance compare.
/// </summary>
public sealed class ClusterEmotionMatrix
{
    private ClusterEmotionMatrix(string corpus, IReadOnlyList<int> clusters, IReadOnlyList<Emotion> emotions, HeatmapCell[,] cells)
    {
        Corpus = corpus;
        Clusters = clusters;
        Emotions = emotions;
        this.cells = cells;
        for (var r = 0; r < clusters.Count; r++)
        {
            for (var c = 0; c < emotions.Count; c++)
            {
                var cell = cells[r, c];
                MaxCount = Math.Max(MaxCount, cell.Count);
                if (cell.EmotionTotal > 0) MaxShare = Math.Max(MaxShare, cell.Share);
            }
        }
    }

    private readonly HeatmapCell[,] cells;

    public string Corpus { get; }

    /// <summary>The cluster numbers, one per row.</summary>
    public IReadOnlyList<int> Clusters { get; }

    public IReadOnlyList<Emotion> Emotions { get; }

    public int MaxCount { get; }

    public double MaxShare { get; }

    /// <summary>The corpus's segments in the table.</summary>
    public int Total => Enumerable.Range(0, Emotions.Count).Sum(c => Clusters.Count > 0 ? cells[0, c].EmotionTotal : 0);

    public HeatmapCell this[int row, int column] => cells[row, column];

    /// <summary>The matrix of <paramref name="corpus"/> from the clusters' statistics.</summary>
    public static ClusterEmotionMatrix For(IReadOnlyList<GestureClusterStatistics> clusters, string corpus)
    {
        var ordered = clusters.OrderBy(c => c.Cluster).ToArray();
        var counts = ordered
            .Select(c => c.EmotionsByCorpus.TryGetValue(corpus, out var byEmotion) ? byEmotion : new Dictionary<Emotion, int>())
            .ToArray();
        var totals = new Dictionary<Emotion, int>();
        foreach (var byEmotion in counts)
        {
            foreach (var (emotion, n) in byEmotion)
            {
                if (n > 0) totals[emotion] = totals.GetValueOrDefault(emotion) + n;
            }
        }
        var emotions = totals.Keys.Order().ToArray();
        var cells = new HeatmapCell[ordered.Length, emotions.Length];
        for (var r = 0; r < ordered.Length; r++)
        {
            for (var c = 0; c < emotions.Length; c++)
            {
                cells[r, c] = new HeatmapCell(Math.Max(0, counts[r].GetValueOrDefault(emotions[c])), totals[emotions[c]]);
            }
        }
        return new ClusterEmotionMatrix(corpus, ordered.Select(c => c.Cluster).ToArray(), emotions, cells);
    }
}
