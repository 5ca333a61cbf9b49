namespace AgCc.Grains;

/// <summary>Names of the grain storage providers the silo registers.</summary>
public static class GrainStorage
{
    /// <summary>Blob-backed grain state of every AgCc grain (container `agcc-grains`).</summary>
    public const string Name = "agcc";
}
