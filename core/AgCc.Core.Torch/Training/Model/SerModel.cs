using AgCc.Core.Training.Config;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Training.Model;

/// <summary>
/// The SER model of METHOD.md step 6: an optional learned softmax-weighted sum over feature planes
/// (SUPERB style, weights start equal) → Linear(D, W) → sinusoidal positions (optional) → post-LN
/// transformer encoder layers (PyTorch's nn.TransformerEncoderLayer, relu, batch first, key
/// padding mask) → mean over each item's real frames → Linear/ReLU/Dropout head → class logits.
/// </summary>
/// <remarks>
/// Every parameter is initialised as PyTorch initialises it, and every dropout mask drawn, from
/// generators the caller owns: the process-wide generator is never touched, so concurrent runs in
/// one process cannot change each other's results (docs/PITFALLS.md). State-dict names follow
/// PyTorch's modules (plane_weights, input_projection, layers.N.self_attn.in_proj_weight, ...,
/// head.N), so PyTorch's state dicts load with TorchSharp.PyBridge.
/// </remarks>
public sealed class SerModel : nn.Module
{
    private readonly Parameter? plane_weights;
    private readonly SeededLinear input_projection;
    private readonly ModuleList<SeededEncoderLayer> layers;
    private readonly ModuleList<SeededLinear> head;
    private readonly SinusoidalPositions? positions;
    private readonly double dropout;
    private readonly int inputDimensions;
    private readonly int inputPlanes;

    /// <param name="inputDimensions">D, the feature width.</param>
    /// <param name="inputPlanes">P, the feature planes (e.g. wav2vec 2.0 hidden states); weighted when above 1.</param>
    /// <param name="generator">The run's generator, the only source of the initial values.</param>
    public SerModel(ModelConfig config, int inputDimensions, int inputPlanes, int classes, Generator generator) : base(nameof(SerModel))
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(generator);
        if (config.Problems() is { Count: > 0 } problems) throw new ArgumentException(string.Join("; ", problems), nameof(config));
        ArgumentOutOfRangeException.ThrowIfLessThan(inputDimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputPlanes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        this.inputDimensions = inputDimensions;
        this.inputPlanes = inputPlanes;
        dropout = config.Dropout;

        if (inputPlanes > 1)
        {
            plane_weights = SeededInit.Constant([inputPlanes], 0);
            register_parameter(nameof(plane_weights), plane_weights);
        }
        input_projection = new SeededLinear(inputDimensions, config.Width, generator);
        positions = config.PositionalEncoding ? new SinusoidalPositions(config.Width) : null;
        layers = new ModuleList<SeededEncoderLayer>([.. Enumerable.Range(0, config.Layers)
            .Select(_ => new SeededEncoderLayer(config.Width, config.Heads, config.FeedForward, generator))]);
        var widths = config.HiddenWidths().Prepend(config.Width).Append(classes).ToList();
        head = new ModuleList<SeededLinear>([.. widths.Zip(widths.Skip(1), (input, output) => new SeededLinear(input, output, generator))]);
        register_module(nameof(input_projection), input_projection);
        register_module(nameof(layers), layers);
        register_module(nameof(head), head);
    }

    /// <summary>The plane weights' logits ([P], softmax gives the weights), or null with one plane.</summary>
    public Parameter? PlaneWeights => plane_weights;

    /// <summary>The input projection's weight [W, D].</summary>
    public Parameter InputProjectionWeight => input_projection.Weight;

    /// <param name="features">[B, P, T, D] float32.</param>
    /// <param name="padding">[B, T] bool, true at padded frames; every item has at least one real frame.</param>
    /// <param name="dropout">Draws the dropout masks in training mode (required then when the config's dropout is above 0); unused in eval mode.</param>
    /// <param name="layerOutputs">Also pool every encoder layer's output (<see cref="SerModelOutput.LayerPooled"/>).</param>
    public SerModelOutput Forward(Tensor features, Tensor padding, Generator? dropout, bool layerOutputs = false)
    {
        Check(features, padding);
        var p = training ? this.dropout : 0;
        if (p > 0 && dropout is null) throw new ArgumentNullException(nameof(dropout), "training mode with dropout needs the run's dropout generator");
        using var scope = NewDisposeScope();
        var (batch, frames) = (features.shape[0], features.shape[2]);

        var x = input_projection.Forward(Planes(features));
        if (positions is not null) x = x + positions.Table(frames).to(x.device);

        var real = padding.logical_not().to_type(x.dtype); // [B, T]
        var counts = real.sum(1, keepdim: true);          // [B, 1]
        var keyBias = zeros([batch, 1, 1, frames], x.dtype, x.device).masked_fill_(padding.view(batch, 1, 1, frames), double.NegativeInfinity);
        Tensor Pool(Tensor h) => real.unsqueeze(1).bmm(h).squeeze(1) / counts;

        var pooledLayers = new List<Tensor>();
        foreach (var layer in layers)
        {
            x = layer.Forward(x, keyBias, p, dropout);
            if (layerOutputs) pooledLayers.Add(Pool(x));
        }
        var pooled = layerOutputs ? pooledLayers[^1] : Pool(x);

        var h = pooled;
        for (var i = 0; i < head.Count - 1; i++)
            h = SeededDropout.Apply(nn.functional.relu(head[i].Forward(h)), p, dropout);
        var logits = head[head.Count - 1].Forward(h);

        return new SerModelOutput(
            logits.MoveToOuterDisposeScope(),
            x.MoveToOuterDisposeScope(),
            pooled.MoveToOuterDisposeScope(),
            [.. pooledLayers.Select(t => ReferenceEquals(t, pooled) ? t : t.MoveToOuterDisposeScope())]);
    }

    /// <summary>
    /// Phone-segment embeddings [S, W]: per segment s the mean of frames[item[s], first[s]..end[s])
    /// (end exclusive), L2-normalised as the anchor losses want. One gather of every segment frame
    /// and one index_add, so the cost does not grow with the number of torch calls per segment.
    /// </summary>
    /// <param name="frames">[B, T, W], e.g. <see cref="SerModelOutput.Frames"/>.</param>
    public static Tensor SegmentEmbeddings(Tensor frames, long[] item, long[] first, long[] end)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(end);
        if (frames.dim() != 3) throw new ArgumentException($"frames must be [B, T, W], not [{string.Join(", ", frames.shape)}]", nameof(frames));
        if (first.Length != item.Length || end.Length != item.Length) throw new ArgumentException($"item, first and end differ in length ({item.Length}, {first.Length}, {end.Length})", nameof(end));
        var (batch, length, width) = (frames.shape[0], frames.shape[1], frames.shape[2]);

        // Plain C# index bookkeeping: row of frames.view(B·T, W) and segment of every segment frame.
        var total = 0L;
        for (var s = 0; s < item.Length; s++)
        {
            if (item[s] < 0 || item[s] >= batch) throw new ArgumentOutOfRangeException(nameof(item), $"segment {s}: item {item[s]} outside 0..{batch - 1}");
            if (first[s] < 0 || end[s] <= first[s] || end[s] > length) throw new ArgumentOutOfRangeException(nameof(end), $"segment {s}: frames [{first[s]}, {end[s]}) not a non-empty range inside 0..{length}");
            total += end[s] - first[s];
        }
        var rows = new long[total];
        var owners = new long[total];
        var sizes = new float[item.Length];
        var at = 0;
        for (var s = 0; s < item.Length; s++)
        {
            sizes[s] = end[s] - first[s];
            for (var t = first[s]; t < end[s]; t++, at++)
            {
                rows[at] = item[s] * length + t;
                owners[at] = s;
            }
        }

        using var scope = NewDisposeScope();
        var picked = frames.reshape(batch * length, width).index_select(0, tensor(rows, device: frames.device));
        var sums = zeros([item.Length, width], frames.dtype, frames.device).index_add(0, tensor(owners, device: frames.device), picked, 1);
        var means = sums / tensor(sizes, device: frames.device).to_type(frames.dtype).unsqueeze(1);
        return nn.functional.normalize(means, 2, 1, 1e-12).MoveToOuterDisposeScope();
    }

    /// <summary>[B, P, T, D] → [B, T, D]: the one plane, or the softmax-weighted sum of the planes.</summary>
    private Tensor Planes(Tensor features)
    {
        if (plane_weights is null) return features.select(1, 0);
        var weights = plane_weights.softmax(0).to_type(features.dtype).view(1, inputPlanes, 1, 1);
        return (features * weights).sum(1);
    }

    private void Check(Tensor features, Tensor padding)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(padding);
        if (features.dim() != 4 || features.shape[1] != inputPlanes || features.shape[3] != inputDimensions)
            throw new ArgumentException($"features must be [B, {inputPlanes}, T, {inputDimensions}], not [{string.Join(", ", features.shape)}]", nameof(features));
        if (padding.dtype != ScalarType.Bool || padding.dim() != 2 || padding.shape[0] != features.shape[0] || padding.shape[1] != features.shape[2])
            throw new ArgumentException($"padding must be bool [{features.shape[0]}, {features.shape[2]}], not {padding.dtype} [{string.Join(", ", padding.shape)}]", nameof(padding));
    }
}
