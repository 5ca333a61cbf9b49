namespace AgCc.Grains.Cluster;

/// <summary>The keys under which every silo publishes itself in Orleans silo metadata.</summary>
public static class SiloMetadataKeys
{
    /// <summary>`cpu` or `gpu`: what the silo is for; placement of trainers reads it.</summary>
    public const string Role = "agcc.role";

    /// <summary>The torch device the silo trains on (`cpu`, `cuda:0`).</summary>
    public const string Device = "agcc.device";
}
