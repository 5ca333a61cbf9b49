using AgCc.Core.Torch.Training.Checkpoints;
using Xunit.Abstractions;
using static AgCc.Core.Tests.Training.Checkpoints.CheckpointFixtures;

namespace AgCc.Core.Tests.Training.Checkpoints;

/// <summary>
/// Exact resume: 6 uninterrupted steps against 3 steps, a checkpoint, a freshly constructed model,
/// optimiser and generator (other seeds), a restore and 3 more steps, compared byte for byte
/// (parameters, batch-norm buffers, Adam moments and step counts, generator state, losses). Also:
/// the loop state round-trips, the model-only read, refusals leave every target unchanged, and
/// unknown sections are skipped.
/// </summary>
[Trait("Category", Categories.Unit)]
public class TrainingCheckpointTests(ITestOutputHelper output)
{
    private static readonly byte[] LoopState = [1, 2, 3, 0, 255, 42];

    [Fact]
    public void Resumed_training_is_bit_identical_to_uninterrupted_training()
    {
        using var straight = new CheckpointRun();
        var straightLosses = Enumerable.Range(0, 6).Select(straight.Step).ToList();

        using var first = new CheckpointRun();
        var losses = Enumerable.Range(0, 3).Select(first.Step).ToList();
        var content = TrainingCheckpoint.Write(first.Model, first.Optimizer, first.Dropout, LoopState);

        using var resumed = new CheckpointRun(initSeed: 99, dropoutSeed: 98);
        Assert.NotEqual(Snapshot(first.Model)["first.weight"], Snapshot(resumed.Model)["first.weight"]);
        var loop = TrainingCheckpoint.Restore(content, "resume-test", resumed.Model, resumed.Optimizer, resumed.Dropout);
        Assert.Equal(LoopState, loop);
        AssertSame(Snapshot(first.Model), Snapshot(resumed.Model));
        losses.AddRange(Enumerable.Range(3, 3).Select(resumed.Step));

        output.WriteLine($"{content.Length} bytes; losses {string.Join(", ", losses.Select(l => l.ToString("R")))}");
        Assert.Equal(straightLosses, losses);
        AssertSame(Snapshot(straight.Model), Snapshot(resumed.Model));
        AssertSame(Snapshot(straight.Optimizer), Snapshot(resumed.Optimizer));
        Assert.All(Snapshot(resumed.Optimizer), s => Assert.Equal(6, s.Step));
        Assert.Equal(Snapshot(straight.Dropout), Snapshot(resumed.Dropout));
        Assert.Equal(6L, resumed.Model.state_dict()["norm.num_batches_tracked"].item<long>());
    }

    [Fact]
    public void Without_the_generator_state_the_resume_diverges()
    {
        // Guards the test above: dropout really draws from the run's generator.
        using var straight = new CheckpointRun();
        foreach (var step in Enumerable.Range(0, 6)) straight.Step(step);
        using var first = new CheckpointRun();
        foreach (var step in Enumerable.Range(0, 3)) first.Step(step);
        var content = TrainingCheckpoint.Write(first.Model, first.Optimizer, first.Dropout, []);
        using var resumed = new CheckpointRun(dropoutSeed: 98);
        using var generator = new TorchSharp.torch.Generator(98);
        TrainingCheckpoint.Restore(content, "no-generator", resumed.Model, resumed.Optimizer, generator);
        foreach (var step in Enumerable.Range(3, 3)) resumed.Step(step);
        Assert.NotEqual(Snapshot(straight.Model)["first.weight"], Snapshot(resumed.Model)["first.weight"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100_000)]
    public void Loop_state_round_trips(int length)
    {
        var loop = new byte[length];
        new Random(length).NextBytes(loop);
        using var run = new CheckpointRun();
        run.Step(0);
        var content = TrainingCheckpoint.Write(run.Model, run.Optimizer, run.Dropout, loop);
        Assert.Equal(loop, TrainingCheckpoint.ReadLoopState(content, "loop"));
        using var fresh = new CheckpointRun(initSeed: 5);
        Assert.Equal(loop, TrainingCheckpoint.Restore(content, "loop", fresh.Model, fresh.Optimizer, fresh.Dropout));
    }

    [Fact]
    public void Content_starts_with_the_magic_and_holds_the_four_sections()
    {
        using var run = new CheckpointRun();
        var content = TrainingCheckpoint.Write(run.Model, run.Optimizer, run.Dropout, LoopState);
        Assert.Equal("AGCCCK"u8.ToArray(), content[..6]);
        Assert.Equal(["model", "optimizer", "generator", "loop"], Sections(content).Select(s => s.Name));
        Assert.Equal(LoopState, Sections(content)[3].Payload);
    }

    [Fact]
    public void Read_model_only_restores_parameters_and_buffers_and_nothing_else()
    {
        using var run = new CheckpointRun();
        foreach (var step in Enumerable.Range(0, 3)) run.Step(step);
        var content = TrainingCheckpoint.Write(run.Model, run.Optimizer, run.Dropout, LoopState);

        using var evaluation = new CheckpointRun(initSeed: 7, dropoutSeed: 8);
        var adamBefore = Snapshot(evaluation.Optimizer);
        var generatorBefore = Snapshot(evaluation.Dropout);
        TrainingCheckpoint.ReadModelOnly(content, "best", evaluation.Model);
        AssertSame(Snapshot(run.Model), Snapshot(evaluation.Model));
        Assert.All(Snapshot(evaluation.Optimizer), s => Assert.Equal(0, s.Step));
        AssertSame(adamBefore, Snapshot(evaluation.Optimizer));
        Assert.Equal(generatorBefore, Snapshot(evaluation.Dropout));
    }

    [Fact]
    public void Refused_restore_changes_nothing()
    {
        using var run = new CheckpointRun();
        foreach (var step in Enumerable.Range(0, 3)) run.Step(step);
        var content = TrainingCheckpoint.Write(run.Model, run.Optimizer, run.Dropout, LoopState);

        // The model section matches; the optimiser's weight decay does not.
        using var other = new CheckpointRun(initSeed: 9, dropoutSeed: 10, weightDecay: 0);
        other.Step(0);
        var model = Snapshot(other.Model);
        var adam = Snapshot(other.Optimizer);
        var generator = Snapshot(other.Dropout);
        var error = Assert.Throws<InvalidDataException>(() => TrainingCheckpoint.Restore(content, "wd", other.Model, other.Optimizer, other.Dropout));
        output.WriteLine(error.Message);
        Assert.Contains("weight_decay", error.Message, StringComparison.Ordinal);
        AssertSame(model, Snapshot(other.Model));
        AssertSame(adam, Snapshot(other.Optimizer));
        Assert.Equal(generator, Snapshot(other.Dropout));
    }

    [Fact]
    public void Unknown_sections_are_skipped_and_a_missing_one_is_named()
    {
        using var run = new CheckpointRun();
        run.Step(0);
        var sections = Sections(TrainingCheckpoint.Write(run.Model, run.Optimizer, run.Dropout, LoopState));

        var extended = Container([.. sections, ("scheduler", [7, 7, 7])]);
        using var fresh = new CheckpointRun(initSeed: 4);
        Assert.Equal(LoopState, TrainingCheckpoint.Restore(extended, "extended", fresh.Model, fresh.Optimizer, fresh.Dropout));

        var modelOnly = Container(sections.Where(s => s.Name == "model"));
        using var evaluation = new CheckpointRun(initSeed: 5);
        TrainingCheckpoint.ReadModelOnly(modelOnly, "model-only", evaluation.Model);
        AssertSame(Snapshot(run.Model), Snapshot(evaluation.Model));
        var error = Assert.Throws<InvalidDataException>(() => TrainingCheckpoint.Restore(modelOnly, "model-only", evaluation.Model, evaluation.Optimizer, evaluation.Dropout));
        output.WriteLine(error.Message);
        Assert.Contains("'model-only'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'optimizer'", error.Message, StringComparison.Ordinal);
    }
}
