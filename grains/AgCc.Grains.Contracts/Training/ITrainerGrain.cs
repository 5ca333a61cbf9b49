namespace AgCc.Grains.Training;

/// <summary>
/// The model grain of one run (key: the run id): builds the run's data from the cluster and runs
/// the TorchSharp loop on a thread of its own, checkpointing to blob storage after every epoch and
/// reporting to its <see cref="ITrainingRunGrain"/>. Placed on gpu silos when the cluster has
/// any. Holds no durable state: a new activation (after its silo died) starts again from the
/// run's checkpoint blob.
/// </summary>
public interface ITrainerGrain : IGrainWithStringKey
{
    /// <summary>Starts the loop in the background unless it is running; returns at once. The supervisor calls it on every tick.</summary>
    Task<TrainerStatus> Start(string configJson);

    Task<TrainerStatus> GetStatus();

    /// <summary>Stops the loop between two steps (the run's last checkpoint stays).</summary>
    Task Cancel();
}

/// <summary>Where a trainer runs and whether its loop is going.</summary>
[GenerateSerializer, Immutable]
public sealed record TrainerStatus(
    [property: Id(0)] string RunId,
    [property: Id(1)] bool Running,
    [property: Id(2)] string Silo,
    [property: Id(3)] string Device,
    [property: Id(4)] SiloAddress Address);
