namespace AgCc.Grains.Training;

/// <summary>
/// A watcher of one run (an Orleans observer, created in a client with CreateObjectReference):
/// the run pushes its status after every change of its state (a report, an epoch, the end, tags).
/// One-way: a slow or lost watcher never holds the run up. Orleans does not keep one-way messages
/// in order, so each push carries a sequence that grows with every change: a
/// watcher drops a push older than one it has seen.
/// </summary>
public interface IRunWatcher : IGrainObserver
{
    void RunChanged(TrainingRunStatus status, long sequence);
}
