namespace AgCc.Grains.Corpora;

/// <summary>A corpus, keyed by its name (`crema-d`).</summary>
public interface ICorpusGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers the corpus's layout and location. Registering again with the same layout and
    /// path is a no-op; with another one it is an error, so a name never silently changes meaning.
    /// </summary>
    Task<CorpusInfo> Register(CorpusRegistration registration);

    /// <summary>The registration, or null when no corpus of this name was registered.</summary>
    Task<CorpusInfo?> GetInfo();

    /// <summary>
    /// Starts (or resumes) ingestion in the background and returns at once. Re-ingesting a corpus
    /// whose files have not changed since the last completed ingestion is a no-op.
    /// </summary>
    Task<IngestionProgress> StartIngestion();

    Task<CorpusSummary> GetSummary();

    /// <summary>Every rejected or excluded utterance of the current ingestion, with its reason.</summary>
    Task<IReadOnlyList<RejectedUtterance>> GetRejections();

    /// <summary>The ingested utterances in id order, a page at a time, optionally only those whose id contains <paramref name="filter"/>.</summary>
    Task<UtterancePage> GetUtterances(int skip, int take, string? filter = null);

    /// <summary>Which batch artifact holds an ingested utterance, or null.</summary>
    Task<UtteranceLocation?> LocateUtterance(string utteranceId);

    /// <summary>The completed ingestion's batch artifacts in batch order; fails when ingestion has not completed.</summary>
    Task<IReadOnlyList<string>> GetBatchArtifacts();
}
