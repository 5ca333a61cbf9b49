namespace AgCc.Grains.Training;

/// <summary>How a silo runs trainings (configuration section AgCc:Training).</summary>
public sealed class TrainingOptions
{
    public const string Section = "AgCc:Training";

    /// <summary>Trainings that run side by side on one silo; more wait in the queue (torch's threads or GPU memory would be oversubscribed).</summary>
    public int MaxConcurrentTrainings { get; set; } = 1;

    /// <summary>Place trainers only on gpu silos; a run fails with a reason when the cluster has none.</summary>
    public bool RequireGpu { get; set; }

    /// <summary>How often a run's supervisor checks its trainer while the run's activation lives (the reminder, at least a minute, covers silo losses).</summary>
    public TimeSpan SupervisionInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The first wait between polls of a corpus, feature set or clustering the run needs (doubling to 1 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long preparation waits for one of them before the run fails.</summary>
    public TimeSpan PreparationTimeout { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Memory a silo keeps for feature sets read by its runs (<see cref="CorpusFeaturesCache"/>), in MB;
    /// 0 reads them from blobs for every run.
    /// </summary>
    public int FeatureCacheMegabytes { get; set; } = 2048;

    /// <summary>Every problem, each naming its setting; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxConcurrentTrainings < 1) problems.Add($"{Section}:MaxConcurrentTrainings must be at least 1 (got {MaxConcurrentTrainings})");
        if (SupervisionInterval <= TimeSpan.Zero) problems.Add($"{Section}:SupervisionInterval must be positive (got {SupervisionInterval})");
        if (PollInterval <= TimeSpan.Zero) problems.Add($"{Section}:PollInterval must be positive (got {PollInterval})");
        if (FeatureCacheMegabytes < 0) problems.Add($"{Section}:FeatureCacheMegabytes must not be negative (got {FeatureCacheMegabytes})");
        if (PreparationTimeout <= TimeSpan.Zero) problems.Add($"{Section}:PreparationTimeout must be positive (got {PreparationTimeout})");
        return problems;
    }
}
