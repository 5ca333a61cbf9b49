namespace AgCc.Grains.Gestures;

/// <summary>Where a clustering's artifacts live; each generation (a new spec) has its own folder.</summary>
public static class GestureArtifacts
{
    public const string FitSet = "fit";
    public const string AllSet = "all";

    public static string Folder(string name, int generation) => $"gestures/{name}/g{generation}";

    /// <summary>One partition's segments (<see cref="AgCc.Core.Gestures.TimeSeriesBinary"/>); set is <see cref="FitSet"/> or <see cref="AllSet"/>.</summary>
    public static string Partition(string name, int generation, string set, int partition) => $"{Folder(name, generation)}/{set}/{partition:D3}.bin";

    public static string Segments(string name, int generation) => $"{Folder(name, generation)}/segments.csv";

    public static string Checkpoint(string name, int generation) => $"{Folder(name, generation)}/checkpoint.json";

    public static string Centers(string name, int generation) => $"{Folder(name, generation)}/centers.csv";

    public static string Assignments(string name, int generation) => $"{Folder(name, generation)}/assignments.csv";
}
