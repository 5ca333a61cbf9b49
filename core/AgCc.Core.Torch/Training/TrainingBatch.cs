using AgCc.Core.Training.Data;
using AgCc.Core.Training.Sampling;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Training;

/// <summary>The anchor segments of a batch, as the triplet loss and <c>SerModel.SegmentEmbeddings</c> take them.</summary>
internal sealed record BatchSegments(long[] Item, long[] First, long[] End, bool[] IsTarget, long[] Anchor, double[] Weight)
{
    public int Count => Item.Length;
}

/// <summary>
/// A batch of utterances as tensors: features [B, P, T, D] zero-padded to the longest, the
/// padding mask [B, T] (true at padding), which rows are labelled source utterances and their
/// classes, which rows are target utterances, and the segments inside the windows.
/// </summary>
internal sealed record TrainingBatch(Tensor Features, Tensor Padding, long[] SourceRows, long[] Labels, long[] TargetRows, BatchSegments Segments)
{
    /// <summary>The batch's tensors, created in the caller's dispose scope on <paramref name="device"/>.</summary>
    public static TrainingBatch Collate(TrainingData data, IReadOnlyList<BatchItem> items, Device device, bool withSegments)
    {
        var (planes, dims) = (data.Planes, data.Dimensions);
        var longest = items.Max(i => i.Frames);
        var values = new float[items.Count * planes * longest * dims];
        var padding = new bool[items.Count * longest];
        var (sourceRows, labels, targetRows) = (new List<long>(), new List<long>(), new List<long>());
        var (item, first, end, isTarget, anchor, weight) = (new List<long>(), new List<long>(), new List<long>(), new List<bool>(), new List<long>(), new List<double>());
        for (var b = 0; b < items.Count; b++)
        {
            var it = items[b];
            var utterance = (it.IsTarget ? data.Target : data.Source).Utterances[it.Utterance];
            for (var p = 0; p < planes; p++)
            {
                var from = utterance.Features.AsSpan((p * utterance.Frames + it.FirstFrame) * dims, it.Frames * dims);
                from.CopyTo(values.AsSpan(((b * planes + p) * longest) * dims));
            }
            padding.AsSpan(b * longest + it.Frames, longest - it.Frames).Fill(true);
            if (it.IsTarget) targetRows.Add(b);
            else
            {
                sourceRows.Add(b);
                labels.Add(utterance.Label);
            }
            if (!withSegments) continue;
            foreach (var s in utterance.Segments)
            {
                // Segments are cut to the window; one wholly outside it is not in this batch.
                var (f, e) = (Math.Max(s.FirstFrame, it.FirstFrame), Math.Min(s.EndFrame, it.FirstFrame + it.Frames));
                if (e <= f) continue;
                item.Add(b);
                first.Add(f - it.FirstFrame);
                end.Add(e - it.FirstFrame);
                isTarget.Add(it.IsTarget);
                anchor.Add(s.Anchor);
                weight.Add(s.Weight);
            }
        }
        var features = tensor(values, [items.Count, planes, longest, dims]).to(device);
        var mask = tensor(padding, [items.Count, longest]).to(device);
        return new TrainingBatch(features, mask, [.. sourceRows], [.. labels], [.. targetRows],
            new BatchSegments([.. item], [.. first], [.. end], [.. isTarget], [.. anchor], [.. weight]));
    }
}
