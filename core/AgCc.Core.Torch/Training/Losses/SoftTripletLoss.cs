using static TorchSharp.torch;

namespace AgCc.Core.Torch.Training.Losses;

/// <summary>
/// The anchored triplet loss of METHOD.md ("The anchor losses"), soft-weighted for AG-CC and with
/// weights 1 for PA-CC: L = Σ w·max(0, d(a,p) − d(a,n) + m) / Σ w over every triplet of the batch
/// whose anchor a is a target segment in a common cluster c, positive p a source segment of c and
/// negative n a source segment of any other cluster (common or not: only anchors need a common
/// cluster); w = weight[a]·weight[p]; d Euclidean between L2-normalised embeddings.
/// </summary>
/// <remarks>
/// The embeddings are normalised here (not by the caller), so that raw encoder outputs cannot slip
/// in unnormalised; normalising already normalised rows changes nothing. The triplets are never
/// enumerated, in C# or in a tensor: for each (anchor, positive) the hinge summed over negatives is
/// a count and a prefix sum over the anchor's sorted negative distances, so the work is
/// anchors × sources (× log sources), not anchors × sources² (12 M triplets a step on the demo
/// batches). Anchors go in chunks sized from a byte budget for the temporaries (each chunk in its
/// own dispose scope).
/// </remarks>
public sealed class SoftTripletLoss
{
    /// <summary>Default budget for one chunk's temporaries: 64 MiB.</summary>
    public const long DefaultChunkBytes = 64L << 20;

    /// <param name="margin">The hinge margin m (METHOD.md: 0.3).</param>
    /// <param name="chunkBytes">Byte budget for one chunk of anchors' temporaries; at least one anchor per chunk whatever it is.</param>
    public SoftTripletLoss(double margin = 0.3, long chunkBytes = DefaultChunkBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkBytes);
        Margin = margin;
        ChunkBytes = chunkBytes;
    }

    public double Margin { get; }

    public long ChunkBytes { get; }

    /// <summary>
    /// Anchors per chunk for <paramref name="sources"/> source segments of width <paramref name="dim"/>:
    /// per anchor the differences to every source [sources, d] plus about ten [sources] rows
    /// (distances, masks, sorted, prefix sums, counts, terms).
    /// </summary>
    public long AnchorsPerChunk(long sources, long dim, long elementSize)
    {
        var perAnchor = Math.Max(1L, elementSize * (sources * dim + 10 * sources));
        return Math.Max(1L, ChunkBytes / perAnchor);
    }

    /// <summary>The loss for a batch of segments given as arrays (moved to the embeddings' device).</summary>
    /// <param name="embeddings">[N, d] segment embeddings, normalised here; float32 or float64.</param>
    /// <param name="isTarget">Per segment: from the target corpus (else source).</param>
    /// <param name="cluster">Per segment: the hard AG cluster (AG-CC) or the phone id (PA-CC), in [0, common.Length).</param>
    /// <param name="weight">Per segment: p(c_i | s_i) for AG-CC, 1 for PA-CC.</param>
    /// <param name="common">Per cluster id: whether it is common to both corpora (only those give anchors).</param>
    public TripletLossResult Forward(Tensor embeddings, bool[] isTarget, long[] cluster, double[] weight, bool[] common)
    {
        if (Array.FindIndex(cluster, c => c < 0 || c >= common.Length) is var bad and >= 0)
            throw new ArgumentException($"cluster[{bad}] = {cluster[bad]} is outside the {common.Length} cluster ids of common", nameof(cluster));
        using var scope = NewDisposeScope();
        var device = embeddings.device;
        var result = Forward(embeddings, tensor(isTarget, device: device), tensor(cluster, device: device),
            tensor(weight, device: device), tensor(common, device: device));
        result.Loss.MoveToOuterDisposeScope();
        return result;
    }

    /// <summary>
    /// The loss for a batch of segments; every tensor on the embeddings' device. The loss is a new
    /// tensor in the caller's dispose scope; with no valid triplet (or Σ w = 0) it is a zero still
    /// connected to the embeddings, so backward runs and gives zero gradients.
    /// </summary>
    /// <param name="embeddings">[N, d] segment embeddings, normalised here; float32 or float64.</param>
    /// <param name="isTarget">[N] bool: from the target corpus (else source).</param>
    /// <param name="cluster">[N] int64: the hard AG cluster (AG-CC) or the phone id (PA-CC), in [0, K).</param>
    /// <param name="weight">[N] membership weight p(c_i | s_i) (AG-CC) or ones (PA-CC); any float type, constant.</param>
    /// <param name="common">[K] bool: whether each cluster is common to both corpora (only those give anchors).</param>
    public TripletLossResult Forward(Tensor embeddings, Tensor isTarget, Tensor cluster, Tensor weight, Tensor common)
    {
        Check(embeddings, isTarget, cluster, weight, common);
        using var scope = NewDisposeScope();
        var dtype = embeddings.dtype;
        var z = nn.functional.normalize(embeddings, p: 2, dim: 1, eps: 1e-12);
        var w = weight.to_type(dtype);

        var sources = (~isTarget).nonzero().squeeze(1);
        var anchors = (isTarget & common.index_select(0, cluster)).nonzero().squeeze(1);
        long anchorCount = anchors.shape[0], sourceCount = sources.shape[0];
        if (anchorCount == 0 || sourceCount == 0) return Degenerate(embeddings);

        var zSource = z.index_select(0, sources);
        var cSource = cluster.index_select(0, sources);
        var wSource = w.index_select(0, sources);
        var zAnchor = z.index_select(0, anchors);
        var cAnchor = cluster.index_select(0, anchors);
        var wAnchor = w.index_select(0, anchors);

        var chunk = AnchorsPerChunk(sourceCount, embeddings.shape[1], embeddings.ElementSize);
        var numerator = zeros([], dtype, embeddings.device);
        var denominator = zeros([], dtype, embeddings.device);
        var valid = zeros([], ScalarType.Int64, embeddings.device);
        var active = zeros([], ScalarType.Int64, embeddings.device);
        for (long start = 0; start < anchorCount; start += chunk)
        {
            var length = Math.Min(chunk, anchorCount - start);
            var (n, d, v, a) = Chunk(zAnchor.narrow(0, start, length), cAnchor.narrow(0, start, length),
                wAnchor.narrow(0, start, length), zSource, cSource, wSource);
            numerator += n;
            denominator += d;
            valid += v;
            active += a;
        }

        // Host syncs besides nonzero's: the counts the step log wants, and whether Σ w is above 0.
        var validTriplets = valid.item<long>();
        var activeTriplets = active.item<long>();
        if (validTriplets == 0 || !(denominator > 0).item<bool>()) return Degenerate(embeddings, validTriplets, activeTriplets);
        var loss = (numerator / denominator).MoveToOuterDisposeScope();
        return new TripletLossResult(loss, validTriplets, activeTriplets);
    }

    /// <summary>
    /// One chunk of anchors [k, d] against every source [S, d]: Σ w·hinge over its triplets, Σ w,
    /// and its valid and active triplet counts, as 0-d tensors moved out of the chunk's scope.
    /// </summary>
    private (Tensor Numerator, Tensor Denominator, Tensor Valid, Tensor Active) Chunk(
        Tensor zAnchor, Tensor cAnchor, Tensor wAnchor, Tensor zSource, Tensor cSource, Tensor wSource)
    {
        using var scope = NewDisposeScope();
        var dtype = zAnchor.dtype;
        // Differences rather than the Gram-matrix shortcut: exact in float32 near d = 0, and
        // vector_norm's backward gives 0 (not NaN) for identical embeddings.
        var distance = linalg.vector_norm(zAnchor.unsqueeze(1) - zSource.unsqueeze(0), dims: [2]); // [k, S]
        var positive = cAnchor.unsqueeze(1) == cSource.unsqueeze(0);                                 // [k, S]
        var negative = ~positive;

        // Σ_n max(0, d(a,p) + m − d(a,n)) for every (a, p) without the [k, p, n] cube: with the
        // negatives' distances sorted, the hinge is active for the c(a,p) negatives below
        // d(a,p) + m, and their sum is a prefix sum, so the term is c·(d(a,p) + m) − prefix[c].
        // Distances between unit vectors are at most 2: other entries are pushed beyond every threshold.
        var beyond = 2 + Margin + 1;
        var sorted = distance.masked_fill(positive, beyond).sort(dim: 1).Values;                    // [k, S]
        var prefix = cat([zeros([sorted.shape[0], 1], dtype, sorted.device), sorted.cumsum(1)], 1);  // [k, S + 1]
        var threshold = distance + Margin;                                                          // [k, S]
        Tensor below;
        using (no_grad()) below = searchsorted(sorted, threshold, right: false);                   // c(a, p)
        var perPositive = below.to_type(dtype) * threshold - prefix.gather(1, below);               // [k, S]
        var pairWeight = wAnchor.unsqueeze(1) * wSource.unsqueeze(0) * positive.to_type(dtype);     // w, 0 off positives
        var negatives = negative.sum(1, type: dtype).unsqueeze(1);                                  // [k, 1]

        var numerator = (pairWeight * perPositive).sum();
        var denominator = (pairWeight * negatives).sum();
        Tensor valid, active;
        using (no_grad())
        {
            valid = (positive.sum(1) * negative.sum(1)).sum();
            active = (below * positive).sum();
        }
        return (numerator.MoveToOuterDisposeScope(), denominator.MoveToOuterDisposeScope(),
            valid.MoveToOuterDisposeScope(), active.MoveToOuterDisposeScope());
    }

    /// <summary>A 0 that still hangs on the embeddings' graph (an empty slice's sum), moved to the caller's scope.</summary>
    private static TripletLossResult Degenerate(Tensor embeddings, long valid = 0, long active = 0) =>
        new(embeddings.narrow(0, 0, 0).sum().MoveToOuterDisposeScope(), valid, active);

    private static void Check(Tensor embeddings, Tensor isTarget, Tensor cluster, Tensor weight, Tensor common)
    {
        if (embeddings.dim() != 2) throw new ArgumentException($"embeddings must be [N, d], not [{string.Join(", ", embeddings.shape)}]", nameof(embeddings));
        if (!embeddings.is_floating_point()) throw new ArgumentException($"embeddings must be floating point, not {embeddings.dtype}", nameof(embeddings));
        var n = embeddings.shape[0];
        void Vector(Tensor t, string name, ScalarType? type)
        {
            if (t.dim() != 1 || t.shape[0] != (name == nameof(common) ? t.shape[0] : n))
                throw new ArgumentException($"{name} must be a vector{(name == nameof(common) ? "" : $" of {n}")}, not [{string.Join(", ", t.shape)}]", name);
            if (type is { } expected && t.dtype != expected) throw new ArgumentException($"{name} must be {expected}, not {t.dtype}", name);
            if (t.device_type != embeddings.device_type || t.device_index != embeddings.device_index) throw new ArgumentException($"{name} is on {t.device}, the embeddings on {embeddings.device}", name);
        }
        Vector(isTarget, nameof(isTarget), ScalarType.Bool);
        Vector(cluster, nameof(cluster), ScalarType.Int64);
        Vector(weight, nameof(weight), null);
        Vector(common, nameof(common), ScalarType.Bool);
        if (!weight.is_floating_point()) throw new ArgumentException($"weight must be floating point, not {weight.dtype}", nameof(weight));
    }
}
