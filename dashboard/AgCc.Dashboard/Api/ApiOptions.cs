namespace AgCc.Dashboard.Api;

/// <summary>The HTTP API's settings (section AgCc:Api).</summary>
public sealed class ApiOptions
{
    public const string Section = "AgCc:Api";

    /// <summary>The largest request body accepted (a config document); larger ones answer 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1 << 20;

    /// <summary>Where `POST /api/v1/demo/corpora` writes the synthetic pair; default AGCC_HOME/demo/synth (where `agcc demo` writes it).</summary>
    public string? DemoData { get; set; }

    /// <summary>How often an experiment's event stream reads its status.</summary>
    public TimeSpan ExperimentPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a run's event stream waits for a push before it reads the status itself (a lost push is not waited for).</summary>
    public TimeSpan RunPollFallback { get; set; } = TimeSpan.FromSeconds(5);
}
