using AgCc.Core.Torch.Training;
using AgCc.Core.Training.Config;
using AgCc.Core.Training.Results;

namespace AgCc.Core.Tests.Training.Loop;

// Trainings set torch's thread count (process-wide): they run one at a time.
[Trait("Category", Categories.Unit)]
[Collection(nameof(TrainingCollection))]
public sealed class RunTrainerTests
{
    public static TheoryData<TrainingMethod> Methods => [TrainingMethod.Baseline, TrainingMethod.PaCc, TrainingMethod.LaCc, TrainingMethod.AgCc];

    [Theory]
    [MemberData(nameof(Methods))]
    public void The_same_config_twice_gives_identical_results(TrainingMethod method)
    {
        var config = TinyTrainingData.Config(method);
        var (first, firstModel) = Train(config);
        var (second, secondModel) = Train(config);

        Assert.Equal(3, first.History.Count);
        Assert.Equal(Describe(first), Describe(second));
        Assert.Equal(firstModel, secondModel);
        Assert.All(first.History, e => Assert.True(double.IsFinite(e.Loss) && e.Loss > 0));
        if (method.UsesTriplets()) Assert.All(first.History, e => Assert.True(e.ValidTriplets > 0 && e.ActiveTriplets > 0));
        if (method is TrainingMethod.Baseline) Assert.All(first.History, e => Assert.Equal(0, e.AnchorLoss));
        else Assert.All(first.History, e => Assert.True(e.AnchorLoss > 0));
    }

    [Fact]
    public async Task Two_trainings_side_by_side_in_one_process_equal_their_runs_alone()
    {
        var (agAlone, _) = Train(TinyTrainingData.Config(TrainingMethod.AgCc));
        var (laAlone, _) = Train(TinyTrainingData.Config(TrainingMethod.LaCc, seed: 9));

        var together = new[] { TinyTrainingData.Config(TrainingMethod.AgCc), TinyTrainingData.Config(TrainingMethod.LaCc, seed: 9) }
            .Select(config => Task.Factory.StartNew(() => Train(config).Result, TaskCreationOptions.LongRunning))
            .ToArray();
        var results = await Task.WhenAll(together);

        Assert.Equal(Describe(agAlone), Describe(results[0]));
        Assert.Equal(Describe(laAlone), Describe(results[1]));
    }

    [Fact]
    public void A_stack_of_hidden_states_trains_with_learned_layer_weights()
    {
        var config = TinyTrainingData.Config(TrainingMethod.AgCc);
        var data = TinyTrainingData.Build(config, planes: 3);
        using var trainer = new RunTrainer(config, data);
        var before = trainer.PlaneWeights();

        var result = trainer.Run();

        Assert.Equal(3, data.Planes);
        Assert.Equal([1 / 3.0, 1 / 3.0, 1 / 3.0], before, (a, b) => Math.Abs(a - b) < 1e-6);
        Assert.NotEqual(before, trainer.PlaneWeights());
        Assert.Equal(3, result.History.Count);
    }

    [Fact]
    public void Another_seed_gives_another_run()
    {
        var (a, _) = Train(TinyTrainingData.Config(TrainingMethod.AgCc, seed: 3));
        var (b, _) = Train(TinyTrainingData.Config(TrainingMethod.AgCc, seed: 4));

        Assert.NotEqual(a.History[0].Loss, b.History[0].Loss);
    }

    [Theory]
    [InlineData(TrainingMethod.AgCc)]
    [InlineData(TrainingMethod.LaCc)]
    public void Resuming_from_an_epoch_or_a_mid_epoch_checkpoint_equals_the_uninterrupted_run(TrainingMethod method)
    {
        var config = TinyTrainingData.Config(method);
        var data = TinyTrainingData.Build(config);
        var checkpoints = new List<(int Epoch, int Step, byte[] Content)>();
        RunResult whole;
        byte[] wholeModel;
        using (var trainer = new RunTrainer(config, data))
        {
            whole = trainer.Run(
                epoch => { if (epoch.Epoch == 1) trainer.RequestCheckpoint(); },
                content => checkpoints.Add((trainer.Position.Epoch, trainer.Position.Step, content)));
            wholeModel = trainer.ModelBytes();
        }
        var afterEpoch = checkpoints.First(c => c.Epoch == 1 && c.Step == 0);
        var midEpoch = checkpoints.First(c => c.Epoch == 1 && c.Step == 1);

        foreach (var (epoch, step, content) in new[] { afterEpoch, midEpoch })
        {
            using var resumed = new RunTrainer(config, data);
            resumed.Restore(content, $"checkpoint at epoch {epoch}, step {step}");
            Assert.Equal((epoch, step), resumed.Position);
            var result = resumed.Run();
            Assert.Equal(Describe(whole), Describe(result));
            Assert.Equal(wholeModel, resumed.ModelBytes());
        }
    }

    [Fact]
    public void Early_stopping_keeps_the_best_development_epoch()
    {
        var config = TinyTrainingData.Config(TrainingMethod.Baseline) is var c
            ? c with { Training = c.Training with { Epochs = 12, Patience = 2 } }
            : throw new InvalidOperationException();
        var (result, _) = Train(config);

        var best = result.History.MaxBy(e => e.DevelopmentUar)!;
        Assert.Equal(best.Epoch, result.BestEpoch);
        Assert.Equal(best.DevelopmentUar, result.Development.Uar, 12);
        if (result.Stop == StopReason.EarlyStopping) Assert.Equal(result.BestEpoch + 2, result.Epochs);
        else Assert.Equal(12, result.Epochs);
    }

    [Fact]
    public void Cancellation_stops_between_steps()
    {
        var config = TinyTrainingData.Config(TrainingMethod.Baseline);
        using var trainer = new RunTrainer(config, TinyTrainingData.Build(config));
        using var cancel = new CancellationTokenSource();

        Assert.Throws<OperationCanceledException>(() => trainer.Run(_ => cancel.Cancel(), null, cancel.Token));
        Assert.Equal((1, 0), trainer.Position);
    }

    private static (RunResult Result, byte[] Model) Train(RunConfig config)
    {
        using var trainer = new RunTrainer(config, TinyTrainingData.Build(config));
        var result = trainer.Run();
        return (result, trainer.ModelBytes());
    }

    /// <summary>Everything a run reports except wall-clock times, as text (records with arrays compare by reference).</summary>
    private static string Describe(RunResult r) => System.Text.Json.JsonSerializer.Serialize(new
    {
        r.BestEpoch, r.Epochs, r.Stop, r.Target, r.Development,
        History = r.History.Select(e => e with { Seconds = 0 }),
    });
}

[CollectionDefinition(nameof(TrainingCollection), DisableParallelization = true)]
public sealed class TrainingCollection;
