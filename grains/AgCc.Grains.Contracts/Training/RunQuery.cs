namespace AgCc.Grains.Training;

/// <summary>What a run-index query sorts on.</summary>
public enum RunSortField
{
    /// <summary>When the run was launched (the default, newest first when descending).</summary>
    Queued,
    Id,
    State,
    Method,
    Task,
    Source,
    Target,
    Epoch,
    BestDevelopmentUar,
    TargetUar,
    Duration,
    Started,
    Finished,
}

/// <summary>
/// A page of the run index: <paramref name="Count"/> runs from <paramref name="Offset"/>, sorted on
/// <paramref name="Sort"/> (ties by id), of those that pass every filter given (null: no filter).
/// Positional so that its defaults cross the wire (docs/orleans.md).
/// </summary>
/// <param name="Corpus">Runs whose source or target is this corpus.</param>
/// <param name="Tag">Runs with this tag (case-insensitive).</param>
/// <param name="Text">Runs whose id contains this text (case-insensitive).</param>
[GenerateSerializer, Immutable]
public sealed record RunQuery(
    [property: Id(0)] int Offset = 0,
    [property: Id(1)] int Count = RunQuery.DefaultCount,
    [property: Id(2)] RunSortField Sort = RunSortField.Queued,
    [property: Id(3)] bool Descending = true,
    [property: Id(4)] TrainingRunState? State = null,
    [property: Id(5)] string? Method = null,
    [property: Id(6)] string? Corpus = null,
    [property: Id(7)] string? Task = null,
    [property: Id(8)] string? Tag = null,
    [property: Id(9)] string? Text = null)
{
    public const int DefaultCount = 50;

    /// <summary>The most runs one page holds.</summary>
    public const int MaxCount = 1000;
}

/// <summary>One page of runs and how many runs pass the query's filters in all.</summary>
[GenerateSerializer, Immutable]
public sealed record RunPage(
    [property: Id(0)] RunSummary[] Items,
    [property: Id(1)] int Total);
