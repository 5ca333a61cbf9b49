using AgCc.Core.Training.Results;
using AgCc.Grains.Training;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AgCc.Grains.Tests.Training;

/// <summary>
/// A run's grain state through the silo's own grain-storage serializer (JSON with type names, as
/// the blob storage writes it): a supervisor activated on another silo must read back what was written.
/// </summary>
[Trait("Category", Categories.Grain)]
[Collection(ClusterCollection.Name)]
public sealed class TrainingRunStateStorageTests(ClusterFixture fixture)
{
    private IGrainStorageSerializer Serializer => fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IGrainStorageSerializer>();

    [Fact]
    public void A_training_run_state_reads_back_as_written()
    {
        var epoch = new EpochMetricsRecord(1, 3, 1.25, 1.0, 0.0, 0, 0, 0.5, null, null, null, 0.75);
        var written = new TrainingRunGrainState
        {
            Config = "{ \"id\": \"r\" }",
            ConfigHash = "abc",
            State = TrainingRunState.Completed,
            Epochs = 2,
            History = [epoch, epoch with { Epoch = 2, TargetUar = 0.25 }],
            Result = new TrainingRunResult(0.5, 0.5, 0.4, ["neutral", "anger"], [0.5, 0.5], [[1, 1], [1, 1]], 4, 2, 2, StopReason.EarlyStopping,
                0.6, 1, "cpu", "runs/r/best-model.bin", "runs/r/metrics.json"),
            Silo = "s",
            Device = "cpu",
            Resumes = 1,
            QueuedAt = DateTimeOffset.UnixEpoch,
        };

        var read = Serializer.Deserialize<TrainingRunGrainState>(Serializer.Serialize(written));
        Assert.NotNull(read);

        Assert.Equal((written.Config, written.ConfigHash, written.State, written.Epochs, written.Silo, written.Resumes, written.QueuedAt),
            (read.Config, read.ConfigHash, read.State, read.Epochs, read.Silo, read.Resumes, read.QueuedAt));
        Assert.Equal(written.History, read.History);
        var result = Assert.IsType<TrainingRunResult>(read.Result);
        Assert.Equal((0.5, StopReason.EarlyStopping, "runs/r/metrics.json"), (result.Uar, result.Stop, result.Metrics));
        Assert.Equal(written.Result!.Classes, result.Classes);
        Assert.Equal(written.Result.Confusion, result.Confusion);
    }
}
