namespace AgCc.Grains.Experiments;

/// <summary>
/// A watcher of one experiment (an Orleans observer, created in a client with
/// CreateObjectReference): the experiment pushes its status after every write of its state (a
/// stage, an activity, a run launched or moved on). One-way, so a slow watcher never holds the
/// experiment up; Orleans does not keep one-way messages in order, so each push carries a
/// sequence that grows with every change and a watcher drops a push older than one it has seen.
/// </summary>
public interface IExperimentWatcher : IGrainObserver
{
    void ExperimentChanged(ExperimentStatus status, long sequence);
}
