namespace AgCc.Core.Corpora;

/// <summary>
/// One utterance as a corpus layout lists it: who said it, with what emotion, and where its
/// audio, mouth landmarks and phone alignment are. Nothing is read yet.
/// </summary>
public sealed record UtteranceSource(
    string Id,
    string Speaker,
    Emotion Emotion,
    string AudioPath,
    string LandmarksPath,
    string AlignmentPath,
    string? Sentence = null);

/// <summary>An utterance (or a file that should have been one) that cannot be used, and why.</summary>
public sealed record Rejection(string Utterance, string File, string Reason);

/// <summary>What a layout found under a corpus folder.</summary>
public sealed record CorpusListing(
    IReadOnlyList<UtteranceSource> Utterances,
    IReadOnlyList<Rejection> Rejected,
    IReadOnlyList<Rejection> Excluded);
