using AgCc.Core.Corpora;

namespace AgCc.Grains.Corpora;

// Stored as JSON with its type name: renaming this class or its namespace orphans stored state.
[GenerateSerializer]
public sealed class CorpusState
{
    [Id(0)] public bool IsRegistered { get; set; }
    [Id(1)] public CorpusLayout Layout { get; set; }
    [Id(2)] public string Path { get; set; } = "";
    [Id(3)] public DateTimeOffset RegisteredAt { get; set; }
}
