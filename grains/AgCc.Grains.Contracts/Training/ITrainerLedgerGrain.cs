namespace AgCc.Grains.Training;

/// <summary>
/// Which silo trains which run (key 0): the run's supervisor asks it before it starts a trainer
/// and passes the answer as a placement hint, so trainings spread over the silos by how many each
/// already holds. Random placement put two runs of an experiment on one silo half the time, one
/// waiting for the other's slot while the second silo idled. In memory only: it is a hint, and
/// after its silo's loss the supervisors' next ticks fill it again.
/// </summary>
public interface ITrainerLedgerGrain : IGrainWithIntegerKey
{
    /// <summary>The silo this run's trainer lives on, or, for a run without one, the least busy training silo (recorded for it).</summary>
    Task<SiloAddress> Choose(string runId);

    /// <summary>The trainer of this run lives on <paramref name="silo"/> (it may differ from the choice: an older activation).</summary>
    Task Placed(string runId, SiloAddress silo);

    /// <summary>This run's trainer has stopped.</summary>
    Task Finished(string runId);

    /// <summary>Trainers per silo, as recorded.</summary>
    Task<Dictionary<SiloAddress, int>> Load();
}
