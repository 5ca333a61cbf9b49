using System.Globalization;
using System.Text;
using AgCc.Core.Corpora;
using AgCc.Core.Gestures;
using AgCc.Core.Statistics;

namespace AgCc.Grains.Gestures;

/// <summary>What a finished fit leaves behind: soft memberships, the assignments table, the per-cluster statistics.</summary>
internal static class GestureClusteringOutputs
{
    /// <summary>CSV: index, cluster, sdtw_0..k−1, p_0..k−1 (doubles round-trip exactly).</summary>
    public static byte[] AssignmentsCsv(int[] labels, double[][] distances, double temperature)
    {
        var k = distances.Length > 0 ? distances[0].Length : 0;
        var text = new StringBuilder("index,cluster");
        for (var c = 0; c < k; c++) text.Append(CultureInfo.InvariantCulture, $",sdtw_{c}");
        for (var c = 0; c < k; c++) text.Append(CultureInfo.InvariantCulture, $",p_{c}");
        text.Append('\n');
        for (var i = 0; i < labels.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{labels[i]}");
            foreach (var d in distances[i]) text.Append(CultureInfo.InvariantCulture, $",{d:R}");
            foreach (var p in SoftMemberships.Of(distances[i], temperature)) text.Append(CultureInfo.InvariantCulture, $",{p:R}");
            text.Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Per segment: its cluster and memberships, read back from <see cref="AssignmentsCsv"/>.</summary>
    public static List<(int Cluster, double[] Memberships)> ReadAssignments(byte[] content, string name)
    {
        var result = new List<(int, double[])>();
        using var reader = new StringReader(Encoding.UTF8.GetString(content));
        var header = reader.ReadLine()?.Split(',') ?? throw new InvalidDataException($"{name}: empty");
        var k = (header.Length - 2) / 2;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var f = line.Split(',');
            if (f.Length != 2 + 2 * k) throw new InvalidDataException($"{name}: line {result.Count + 2} has {f.Length} fields, expected {2 + 2 * k}");
            var p = new double[k];
            for (var c = 0; c < k; c++) p[c] = double.Parse(f[2 + k + c], CultureInfo.InvariantCulture);
            result.Add((int.Parse(f[1], CultureInfo.InvariantCulture), p));
        }
        return result;
    }

    public static byte[] CentersCsv(IReadOnlyList<TimeSeries> centers)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        TimeSeriesCsv.Write(writer, [.. Enumerable.Range(0, centers.Count).Select(c => c.ToString(CultureInfo.InvariantCulture))], centers);
        return Encoding.UTF8.GetBytes(writer.ToString());
    }

    /// <summary>Counts per cluster by corpus, emotion and phone; common clusters and their Jensen–Shannon divergence.</summary>
    public static IReadOnlyList<GestureClusterStatistics> Statistics(IReadOnlyList<SegmentRow> rows, int[] labels, int k, IReadOnlyList<string> corpora)
    {
        var emotions = rows.Select(r => r.Emotion).Distinct().Order().ToArray();
        var result = new List<GestureClusterStatistics>(k);
        for (var c = 0; c < k; c++)
        {
            var members = Enumerable.Range(0, rows.Count).Where(i => labels[i] == c).Select(i => rows[i]).ToList();
            var byCorpus = corpora.ToDictionary(n => n, n => members.Count(m => m.Corpus == n), StringComparer.Ordinal);
            var emotionsByCorpus = corpora.ToDictionary(
                n => n,
                n => (IReadOnlyDictionary<Emotion, int>)emotions.ToDictionary(e => e, e => members.Count(m => m.Corpus == n && m.Emotion == e)),
                StringComparer.Ordinal);
            var byPhone = members.GroupBy(m => m.Phone, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var common = corpora.Count > 1 && byCorpus.Values.All(count => count > 0);
            double? divergence = common
                ? JensenShannon.Divergence([.. corpora.Select(n => (IReadOnlyList<double>)[.. emotions.Select(e => (double)emotionsByCorpus[n][e])])])
                : null;
            result.Add(new GestureClusterStatistics(c, members.Count, byCorpus, emotionsByCorpus, byPhone, common, divergence));
        }
        return result;
    }
}
