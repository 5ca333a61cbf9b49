using AgCc.Core.Corpora;

namespace AgCc.Grains.Corpora;

/// <summary>What a user says to register a corpus.</summary>
[GenerateSerializer, Immutable]
public sealed record CorpusRegistration(
    [property: Id(0)] CorpusLayout Layout,
    [property: Id(1)] string Path);

/// <summary>A registered corpus as users see it.</summary>
[GenerateSerializer, Immutable]
public sealed record CorpusInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] CorpusLayout Layout,
    [property: Id(2)] string Path,
    [property: Id(3)] DateTimeOffset RegisteredAt);
