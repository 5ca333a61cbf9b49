using static TorchSharp.torch;

namespace AgCc.Core.Torch.Training.Checkpoints;

/// <summary>
/// Exact checkpoint and resume of a training run: one byte[] holding the model's state_dict, the
/// Adam state, the run's generator state and the loop's own opaque position (epoch, step, sampler,
/// best metrics...). Restoring it into a freshly constructed model, optimiser (from
/// <see cref="TrainingOptimizer.Create"/> with the same settings) and generator makes training
/// continue bit-identically, at the same thread count.
/// </summary>
/// <remarks>
/// The format is <see cref="CheckpointContainer"/>'s: magic "AGCCCK", version 1, then the sections
/// "model" (<see cref="ModelStateSection"/>), "optimizer" (<see cref="AdamStateSection"/>),
/// "generator" (<see cref="GeneratorStateSection"/>) and "loop" (the caller's bytes as given), each
/// with its length and SHA-256. Restores check every section against the targets before changing
/// any of them, so a refused checkpoint leaves the model, optimiser and generator as they were.
/// Every refusal is an <see cref="InvalidDataException"/> naming the checkpoint and the section,
/// entry or parameter at fault.
/// </remarks>
public static class TrainingCheckpoint
{
    private const string LoopSection = "loop";

    /// <summary>Serialises the training state; <paramref name="optimizer"/> must be over <paramref name="model"/>'s parameters.</summary>
    /// <param name="model">The model; its state_dict (parameters and buffers) is saved.</param>
    /// <param name="optimizer">TorchSharp's Adam over the model's parameters (<see cref="TrainingOptimizer.Create"/> or <c>torch.optim.Adam</c>); typed as the base class so that loops can hold it as one.</param>
    /// <param name="generator">The run's own generator (dropout masks and any other draws of the loop).</param>
    /// <param name="loopState">The loop's position, stored as given and never interpreted.</param>
    public static byte[] Write(nn.Module model, optim.Optimizer optimizer, Generator generator, ReadOnlySpan<byte> loopState)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(generator);
        return CheckpointContainer.Write(
        [
            (ModelStateSection.Name, ModelStateSection.Write(model)),
            (AdamStateSection.Name, AdamStateSection.Write(AsAdam(optimizer), model)),
            (GeneratorStateSection.Name, GeneratorStateSection.Write(generator)),
            (LoopSection, loopState.ToArray()),
        ]);
    }

    /// <summary>
    /// Restores <paramref name="model"/>, <paramref name="optimizer"/> and <paramref name="generator"/>
    /// (freshly constructed like the checkpointed ones) and returns the loop state given to <see cref="Write"/>.
    /// </summary>
    /// <param name="content">The bytes <see cref="Write"/> returned.</param>
    /// <param name="name">What the checkpoint is called (a blob name, a run and epoch), for the error messages.</param>
    /// <param name="model">A model of the checkpointed architecture; its entries are overwritten.</param>
    /// <param name="optimizer">TorchSharp's Adam over <paramref name="model"/>'s parameters, with the checkpointed run's betas, ε and weight decay (its learning rates are restored).</param>
    /// <param name="generator">A generator of the checkpointed kind (CPU or CUDA); its state is overwritten.</param>
    /// <exception cref="InvalidDataException">Not a checkpoint, truncated, damaged, or not matching the targets; nothing has been changed then.</exception>
    public static byte[] Restore(byte[] content, string name, nn.Module model, optim.Optimizer optimizer, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(generator);
        var sections = CheckpointContainer.Read(content, name);
        Action[] restores =
        [
            ModelStateSection.Prepare(CheckpointContainer.Require(sections, ModelStateSection.Name, name), name, model),
            AdamStateSection.Prepare(CheckpointContainer.Require(sections, AdamStateSection.Name, name), name, AsAdam(optimizer), model),
            GeneratorStateSection.Prepare(CheckpointContainer.Require(sections, GeneratorStateSection.Name, name), name, generator),
        ];
        var loopState = CheckpointContainer.Require(sections, LoopSection, name).ToArray();
        foreach (var restore in restores) restore();
        return loopState;
    }

    /// <summary>Restores only the model's parameters and buffers (evaluation, the best checkpoint's download).</summary>
    /// <exception cref="InvalidDataException">Not a checkpoint, truncated, damaged, or not matching the model; the model is unchanged then.</exception>
    public static void ReadModelOnly(byte[] content, string name, nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sections = CheckpointContainer.Read(content, name);
        ModelStateSection.Prepare(CheckpointContainer.Require(sections, ModelStateSection.Name, name), name, model)();
    }

    private static TorchSharp.Modules.Adam AsAdam(optim.Optimizer optimizer) => optimizer as TorchSharp.Modules.Adam
        ?? throw new ArgumentException($"only TorchSharp's Adam can be checkpointed, not {optimizer.GetType().Name}", nameof(optimizer));

    /// <summary>The loop state alone, e.g. to show a checkpoint's epoch without building a model.</summary>
    /// <exception cref="InvalidDataException">Not a checkpoint, truncated or damaged.</exception>
    public static byte[] ReadLoopState(byte[] content, string name) =>
        CheckpointContainer.Require(CheckpointContainer.Read(content, name), LoopSection, name).ToArray();
}
