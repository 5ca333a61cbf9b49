using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using AgCc.Artifacts;
using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Ingestion;
using AgCc.Core.Gestures;
using AgCc.Core.Landmarks;
using AgCc.Grains.Corpora;

namespace AgCc.Grains.Gestures;

/// <summary>One gesture segment's identity (its frames live in the partition blobs).</summary>
internal sealed record SegmentRow(string Corpus, string Utterance, string Speaker, Emotion Emotion, string Phone, double Start, double End, int Frames);

/// <summary>
/// The gesture segments of ingested corpora, in a fixed order: corpora as named, then batch,
/// utterance and phone order, so a spec always numbers its segments the same way.
/// </summary>
internal static class GestureSegmentTable
{
    private const int ReadAhead = 8;

    /// <summary>
    /// Every segment of the corpora in order, batch by batch: a few batch artifacts are read ahead,
    /// but only they are held in memory, however large the corpora.
    /// </summary>
    public static async IAsyncEnumerable<(SegmentRow Row, GestureSegment Segment)> ReadAsync(
        IGrainFactory grains, IArtifactStore artifacts, IReadOnlyList<string> corpora, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var corpus in corpora)
        {
            var batches = await grains.GetGrain<ICorpusGrain>(corpus).GetBatchArtifacts();
            var reading = new Queue<Task<IReadOnlyList<IngestedUtterance>>>();
            var next = 0;
            while (next < batches.Count || reading.Count > 0)
            {
                while (reading.Count < ReadAhead && next < batches.Count) reading.Enqueue(ReadBatchAsync(artifacts, batches[next++], cancellationToken));
                foreach (var utterance in await reading.Dequeue())
                    foreach (var segment in utterance.Segments)
                        yield return (new SegmentRow(corpus, utterance.Source.Id, utterance.Source.Speaker, utterance.Source.Emotion,
                            segment.Phone, segment.Start, segment.End, segment.Frames), segment);
            }
        }
    }

    private static async Task<IReadOnlyList<IngestedUtterance>> ReadBatchAsync(IArtifactStore artifacts, string name, CancellationToken cancellationToken)
    {
        var content = await artifacts.ReadAsync(name, cancellationToken) ?? throw new InvalidOperationException($"batch artifact {name} is missing");
        return await Task.Run(() => UtteranceBatchFormat.Read(content, name), cancellationToken);
    }

    /// <param name="inFit">The fitted segments; null when all are.</param>
    public static byte[] Csv(IReadOnlyList<SegmentRow> rows, ISet<int>? inFit)
    {
        var text = new StringBuilder("index,corpus,utterance,speaker,emotion,phone,start,end,frames,in_fit\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            text.Append(CultureInfo.InvariantCulture,
                $"{i},{r.Corpus},{r.Utterance},{r.Speaker},{r.Emotion.ToString().ToLowerInvariant()},{r.Phone},{r.Start:R},{r.End:R},{r.Frames},{(inFit is null || inFit.Contains(i) ? 1 : 0)}\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static List<SegmentRow> ReadCsv(byte[] content, string name)
    {
        var rows = new List<SegmentRow>();
        using var reader = new StringReader(Encoding.UTF8.GetString(content));
        reader.ReadLine(); // header, written by Csv above
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var f = line.Split(',');
            if (f.Length != 10) throw new InvalidDataException($"{name}: line {rows.Count + 2} has {f.Length} fields, expected 10");
            rows.Add(new SegmentRow(f[1], f[2], f[3], Enum.Parse<Emotion>(f[4], ignoreCase: true), f[5],
                double.Parse(f[6], CultureInfo.InvariantCulture), double.Parse(f[7], CultureInfo.InvariantCulture), int.Parse(f[8], CultureInfo.InvariantCulture)));
        }
        return rows;
    }
}
