namespace AgCc.Grains.Gestures;

/// <summary>Section AgCc:Gestures: how hard the clustering fights failures of its partitions.</summary>
public sealed class GestureClusteringOptions
{
    public const string Section = "AgCc:Gestures";

    /// <summary>Tries per partition call before the iteration is given up (and redone from its checkpoint).</summary>
    public int CallAttempts { get; set; } = 8;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Times a fit restarts from its last checkpoint after an iteration failed, before the clustering fails.</summary>
    public int Restarts { get; set; } = 5;
}
