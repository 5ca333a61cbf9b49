using System.Diagnostics;
using AgCc.Core.Metrics;
using AgCc.Core.Synthesis;
using AgCc.Core.Torch.Training.Checkpoints;
using AgCc.Core.Torch.Training.Losses;
using AgCc.Core.Torch.Training.Model;
using AgCc.Core.Training.Config;
using AgCc.Core.Training.Data;
using AgCc.Core.Training.Results;
using AgCc.Core.Training.Sampling;
using TorchSharp;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Training;

/// <summary>
/// One training run's loop (METHOD.md "Training and evaluation protocol"): batches from the
/// <see cref="EpochSampler"/>, L = L_ER + β·L_anchor with the method's anchor loss, Adam, the
/// source development UAR after every epoch for early stopping, and at the end the best epoch's
/// model evaluated on the target.
/// </summary>
/// <remarks>
/// Synchronous and single-threaded by design: dispose scopes belong to a thread, so callers run
/// it on a thread of its own. Every random draw comes from the run's seed: the model's
/// initialisation and dropout from this run's own torch generator (never the process-wide one,
/// which concurrent runs would share), sampling from <see cref="EpochSampler"/>. A checkpoint
/// (<see cref="Checkpoint"/>) holds everything the next step depends on, so a restored run
/// continues exactly as the uninterrupted one.
/// </remarks>
public sealed class RunTrainer : IDisposable
{
    private const int TrimEverySteps = 10;

    private readonly RunConfig config;
    private readonly TrainingData data;
    private readonly Device device;
    private readonly Generator generator;
    private readonly SerModel model;
    private readonly optim.Optimizer optimizer;
    private readonly EpochSampler sampler;
    private readonly DevelopmentSplit split;
    private readonly SoftTripletLoss triplet;
    private readonly int[] targetEvaluated;
    private LoopState state = LoopState.Start;
    private byte[]? bestModel;
    private volatile bool checkpointRequested;

    public RunTrainer(RunConfig config, TrainingData data, Device? device = null)
    {
        if (config.Problems() is { Count: > 0 } problems) throw new ArgumentException(string.Join("; ", problems), nameof(config));
        this.config = config;
        this.data = data;
        this.device = device ?? CPU;
        if (config.Training.Threads > 0) set_num_threads(config.Training.Threads);

        split = DevelopmentSplit.Of([.. data.Source.Utterances.Select(u => u.Speaker)], config.Training.DevSpeakers, config.Seed);
        sampler = new EpochSampler(split.Train,
            [.. data.Source.Utterances.Select(u => u.Frames)], [.. data.Target.Utterances.Select(u => u.Frames)],
            config.Training.BatchSize, config.Method.IsAnchored() ? config.Anchor.TargetShare : 0, config.Training.MaxFrames, config.Seed);
        targetEvaluated = [.. Enumerable.Range(0, data.Target.Labels.Length).Where(i => data.Target.Labels[i] >= 0)];
        triplet = new SoftTripletLoss(config.Anchor.Margin);

        generator = new Generator(Prng.Derive(config.Seed, "model"), this.device);
        model = new SerModel(config.Model, data.Dimensions, data.Planes, data.Classes.Count, generator);
        model.to(this.device);
        optimizer = TrainingOptimizer.Create(model, config.Training.LearningRate, config.Training.WeightDecay);
    }

    /// <summary>The next epoch and step (0-based) the loop will run.</summary>
    public (int Epoch, int Step) Position => (state.Epoch, state.Step);

    public int StepsPerEpoch => sampler.BatchesPerEpoch;

    public DevelopmentSplit Split => split;

    /// <summary>Whether training is over (every epoch run, or early stopping): what is left is evaluating the best model.</summary>
    public bool Finished => state.Stopped || state.Epoch >= config.Training.Epochs;

    /// <summary>The epochs finished so far.</summary>
    public IReadOnlyList<EpochMetrics> History => state.History;

    /// <summary>Asks the loop for a checkpoint after the step it is in (thread-safe).</summary>
    public void RequestCheckpoint() => checkpointRequested = true;

    /// <summary>Everything the next step depends on, as one blob (between steps only: the loop's thread, or when it is not running).</summary>
    public byte[] Checkpoint() => TrainingCheckpoint.Write(model, optimizer, generator, state.Write(bestModel));

    /// <summary>Continues from a checkpoint written by a trainer of the same config and data.</summary>
    public void Restore(byte[] checkpoint, string name)
    {
        var loop = TrainingCheckpoint.Restore(checkpoint, name, model, optimizer, generator);
        (state, bestModel) = LoopState.Read(loop, name);
    }

    /// <summary>
    /// Trains until the last epoch or early stopping, then evaluates the best epoch's model.
    /// <paramref name="onEpoch"/> sees each finished epoch; <paramref name="onCheckpoint"/> gets a
    /// checkpoint after every epoch and after a step when one was requested. Cancellation is
    /// honoured between steps (<see cref="OperationCanceledException"/>); the last checkpoint stays valid.
    /// </summary>
    public RunResult Run(Action<EpochMetrics>? onEpoch = null, Action<byte[]>? onCheckpoint = null, CancellationToken cancellationToken = default)
    {
        model.train();
        var stepsSinceTrim = 0;
        while (!Finished)
        {
            if (state.Step == 0) generator.manual_seed(unchecked((long)Prng.Derive(config.Seed, "dropout", state.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            while (state.Step < sampler.BatchesPerEpoch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var clock = Stopwatch.StartNew();
                var losses = Step(sampler.Batch(state.Epoch, state.Step));
                state = state with { Step = state.Step + 1, Sums = state.Sums.Add(losses, clock.Elapsed.TotalSeconds) };
                if (++stepsSinceTrim >= TrimEverySteps)
                {
                    NativeMemory.Trim();
                    stepsSinceTrim = 0;
                }
                if (checkpointRequested)
                {
                    checkpointRequested = false;
                    onCheckpoint?.Invoke(Checkpoint());
                }
            }
            var metrics = EndEpoch();
            onEpoch?.Invoke(metrics);
            onCheckpoint?.Invoke(Checkpoint());
        }
        return Finish();
    }

    private StepLosses Step(IReadOnlyList<BatchItem> items)
    {
        using var quiet = FinalizerQuietWindow.Enter();
        using var scope = NewDisposeScope();
        var batch = TrainingBatch.Collate(data, items, device, config.Method.UsesTriplets());
        var output = model.Forward(batch.Features, batch.Padding, generator, layerOutputs: config.Method == TrainingMethod.LaCc);
        var sourceRows = tensor(batch.SourceRows, device: device);
        var emotion = nn.functional.cross_entropy(output.Logits.index_select(0, sourceRows), tensor(batch.Labels, device: device));
        var (anchor, valid, active) = AnchorLoss(batch, output, sourceRows);
        var loss = anchor is null ? emotion : emotion + config.Anchor.Beta * anchor;
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        return new StepLosses(loss.item<float>(), emotion.item<float>(), anchor?.item<float>() ?? 0, valid, active);
    }

    private (Tensor? Loss, long Valid, long Active) AnchorLoss(TrainingBatch batch, SerModelOutput output, Tensor sourceRows)
    {
        switch (config.Method)
        {
            case TrainingMethod.PaCc or TrainingMethod.AgCc:
            {
                var s = batch.Segments;
                if (s.Count == 0) return (zeros(1, device: device).sum(), 0, 0);
                var embeddings = SerModel.SegmentEmbeddings(output.Frames, s.Item, s.First, s.End);
                var result = triplet.Forward(embeddings, s.IsTarget, s.Anchor, s.Weight, data.CommonAnchors);
                return (result.Loss, result.ValidTriplets, result.ActiveTriplets);
            }
            case TrainingMethod.LaCc:
            {
                if (batch.SourceRows.Length < 2 || batch.TargetRows.Length < 2) return (zeros(1, device: device).sum(), 0, 0);
                var targetRows = tensor(batch.TargetRows, device: device);
                var layers = config.Anchor.CoralLayerList(config.Model.Layers)
                    .Select(l => (output.LayerPooled[l - 1].index_select(0, sourceRows), output.LayerPooled[l - 1].index_select(0, targetRows)))
                    .ToList();
                return (DeepCoralLoss.Forward(layers), 0, 0);
            }
            default:
                return (null, 0, 0);
        }
    }

    private EpochMetrics EndEpoch()
    {
        var clock = Stopwatch.StartNew();
        var development = Evaluate(data.Source, split.Development);
        var target = config.Training.EvaluateTarget ? Evaluate(data.Target, targetEvaluated) : null;
        var sums = state.Sums;
        var steps = Math.Max(1, sums.Steps);
        var metrics = new EpochMetrics(state.Epoch + 1, sums.Steps, sums.Loss / steps, sums.EmotionLoss / steps, sums.AnchorLoss / steps,
            sums.ValidTriplets, sums.ActiveTriplets, development.Uar, target?.Uar, target?.WeightedAccuracy, target?.MacroF1,
            sums.Seconds + clock.Elapsed.TotalSeconds);

        var improved = development.Uar > state.BestDevelopmentUar;
        if (improved) bestModel = SaveModel();
        var without = improved ? 0 : state.EpochsWithoutImprovement + 1;
        state = state with
        {
            Epoch = state.Epoch + 1,
            Step = 0,
            Sums = LoopState.Start.Sums,
            BestDevelopmentUar = improved ? development.Uar : state.BestDevelopmentUar,
            BestEpoch = improved ? metrics.Epoch : state.BestEpoch,
            EpochsWithoutImprovement = without,
            History = [.. state.History, metrics],
            Stopped = without >= config.Training.Patience,
        };
        return metrics;
    }

    private RunResult Finish()
    {
        if (bestModel is not null) LoadModel(bestModel);
        var target = Evaluate(data.Target, targetEvaluated);
        var development = Evaluate(data.Source, split.Development);
        return new RunResult(state.BestEpoch, state.History.Count, state.Stopped ? StopReason.EarlyStopping : StopReason.MaxEpochs,
            Evaluation.From(target), Evaluation.From(development), data.Classes, state.History, get_num_threads(), TorchDevice.Describe(device));
    }

    /// <summary>The model's metrics on some utterances of a corpus (whole utterances, no dropout).</summary>
    private ClassificationMetrics Evaluate(TrainingCorpus corpus, IReadOnlyList<int> utterances)
    {
        var isTarget = ReferenceEquals(corpus, data.Target);
        var predicted = new int[utterances.Count];
        var order = Enumerable.Range(0, utterances.Count).OrderByDescending(i => corpus.Utterances[utterances[i]].Frames).ThenBy(i => i).ToArray();
        model.eval();
        try
        {
            using var noGrad = no_grad();
            for (var start = 0; start < order.Length; start += config.Training.BatchSize)
            {
                using var quiet = FinalizerQuietWindow.Enter();
                using var scope = NewDisposeScope();
                var chunk = order.Skip(start).Take(config.Training.BatchSize).ToArray();
                var items = chunk.Select(i => new BatchItem(isTarget, utterances[i], 0, corpus.Utterances[utterances[i]].Frames)).ToList();
                var batch = TrainingBatch.Collate(data, items, device, withSegments: false);
                var classes = model.Forward(batch.Features, batch.Padding, null).Logits.argmax(1).cpu().data<long>().ToArray();
                for (var j = 0; j < chunk.Length; j++) predicted[chunk[j]] = (int)classes[j];
            }
        }
        finally
        {
            model.train();
        }
        return ClassificationMetrics.From([.. utterances.Select(i => corpus.Labels[i])], predicted, data.Classes.Count);
    }

    /// <summary>The learned softmax weights over hidden-state planes (empty for one plane).</summary>
    public double[] PlaneWeights()
    {
        if (model.PlaneWeights is not { } weights) return [];
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return [.. weights.softmax(0).to_type(ScalarType.Float64).cpu().data<double>()];
    }

    /// <summary>The model's parameters in TorchSharp's format (after <see cref="Run"/>: the best epoch's).</summary>
    public byte[] ModelBytes() => SaveModel();

    private byte[] SaveModel()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) model.save(writer);
        return stream.ToArray();
    }

    private void LoadModel(byte[] content)
    {
        using var reader = new BinaryReader(new MemoryStream(content));
        model.load(reader);
    }

    public void Dispose()
    {
        optimizer.Dispose();
        model.Dispose();
        generator.Dispose();
    }
}
