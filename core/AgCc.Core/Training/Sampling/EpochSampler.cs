using System.Globalization;
using AgCc.Core.Synthesis;

namespace AgCc.Core.Training.Sampling;

/// <summary>One utterance of a batch: which corpus, which utterance, and the window of its frames used.</summary>
public readonly record struct BatchItem(bool IsTarget, int Utterance, int FirstFrame, int Frames);

/// <summary>
/// Which utterances make up batch b of epoch e, as a pure function of the seed: the position
/// (epoch, batch) is all a checkpoint needs to continue the same sequence, and any batch can be
/// recomputed without replaying the ones before it.
/// </summary>
/// <remarks>
/// An epoch is one pass over the source's training utterances in a seeded order, split into
/// batches of as equal sizes as can be (so no batch is left with one utterance). Anchored methods
/// add target utterances to each batch in the ratio of <c>targetShare</c>, walking a seeded order
/// of the target that wraps around when the target is the smaller corpus. Utterances longer than
/// <c>maxFrames</c> are cut to a seeded window.
/// </remarks>
public sealed class EpochSampler
{
    private readonly int[] sourceTrain;
    private readonly int[] sourceFrames;
    private readonly int[] targetFrames;
    private readonly double targetShare;
    private readonly int maxFrames;
    private readonly long seed;

    /// <param name="sourceTrain">The source utterances trained on (indices into the source corpus).</param>
    /// <param name="targetShare">The share of each batch from the target; 0 for source-only batches.</param>
    public EpochSampler(int[] sourceTrain, int[] sourceFrames, int[] targetFrames, int batchSize, double targetShare, int maxFrames, long seed)
    {
        if (sourceTrain.Length == 0) throw new ArgumentException("no source utterances to train on", nameof(sourceTrain));
        if (targetShare > 0 && targetFrames.Length == 0) throw new ArgumentException("an anchored method needs target utterances", nameof(targetFrames));
        (this.sourceTrain, this.sourceFrames, this.targetFrames, this.targetShare, this.maxFrames, this.seed) =
            (sourceTrain, sourceFrames, targetFrames, targetShare, maxFrames, seed);
        SourcePerBatch = targetShare > 0 ? Math.Max(1, (int)Math.Round(batchSize * (1 - targetShare))) : batchSize;
        BatchesPerEpoch = (sourceTrain.Length + SourcePerBatch - 1) / SourcePerBatch;
    }

    public int SourcePerBatch { get; }

    public int BatchesPerEpoch { get; }

    public IReadOnlyList<BatchItem> Batch(int epoch, int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        if (batch < 0 || batch >= BatchesPerEpoch) throw new ArgumentOutOfRangeException(nameof(batch), batch, $"an epoch has {BatchesPerEpoch} batches");
        var order = Permutation(sourceTrain.Length, "source", epoch);
        var (first, count) = Slice(sourceTrain.Length, BatchesPerEpoch, batch);
        var items = new List<BatchItem>(count * 2);
        for (var i = first; i < first + count; i++) items.Add(Item(false, sourceTrain[order[i]], epoch));
        if (targetShare > 0)
        {
            var wanted = Math.Max(2, (int)Math.Round(count * targetShare / (1 - targetShare)));
            // Where this batch starts in the epoch's target walk: the sizes of the batches before it.
            var start = 0;
            for (var b = 0; b < batch; b++) start += Math.Max(2, (int)Math.Round(Slice(sourceTrain.Length, BatchesPerEpoch, b).Count * targetShare / (1 - targetShare)));
            var targetOrder = Permutation(targetFrames.Length, "target", epoch);
            for (var i = 0; i < wanted; i++) items.Add(Item(true, targetOrder[(start + i) % targetOrder.Length], epoch));
        }
        return items;
    }

    private BatchItem Item(bool isTarget, int utterance, int epoch)
    {
        var frames = (isTarget ? targetFrames : sourceFrames)[utterance];
        if (maxFrames <= 0 || frames <= maxFrames) return new BatchItem(isTarget, utterance, 0, frames);
        var random = new Prng(Prng.Derive(seed, "window", epoch.ToString(CultureInfo.InvariantCulture), isTarget ? "t" : "s", utterance.ToString(CultureInfo.InvariantCulture)));
        return new BatchItem(isTarget, utterance, random.NextInt(frames - maxFrames + 1), maxFrames);
    }

    private int[] Permutation(int n, string stream, int epoch)
    {
        var order = Enumerable.Range(0, n).ToArray();
        var random = new Prng(Prng.Derive(seed, stream, epoch.ToString(CultureInfo.InvariantCulture)));
        random.Shuffle(order);
        return order;
    }

    /// <summary>Batch b of n items split into `batches` near-equal runs: the first n mod batches get one more.</summary>
    private static (int First, int Count) Slice(int n, int batches, int b)
    {
        var (size, extra) = (n / batches, n % batches);
        return (b * size + Math.Min(b, extra), size + (b < extra ? 1 : 0));
    }
}
