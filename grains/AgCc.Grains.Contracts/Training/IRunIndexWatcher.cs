namespace AgCc.Grains.Training;

/// <summary>
/// A watcher of the run index (an Orleans observer): told when any run's summary changes (an
/// upsert that changed a row, or runs backfilled from the catalog, then with a null summary), so a
/// page showing a slice of the index asks for its slice again rather than polling. One-way; each
/// push carries a sequence that grows with every change, so a watcher can drop an older one.
/// </summary>
public interface IRunIndexWatcher : IGrainObserver
{
    void RunsChanged(RunSummary? changed, long sequence);
}
