using AgCc.Core.Formats;

namespace AgCc.Core.Corpora.Ingestion;

/// <summary>One batch's outcome: the artifact's bytes, the utterances in it, and the ones rejected.</summary>
public sealed record IngestionBatchResult(byte[] Content, IReadOnlyList<IngestedUtterance> Accepted, IReadOnlyList<Rejection> Rejected);

/// <summary>Ingests a batch of listed utterances: load each (a bad one is rejected, the rest go on) and pack them.</summary>
public static class UtteranceIngestion
{
    /// <summary>Part of the corpus fingerprint: a new format means re-ingesting.</summary>
    public const int FormatVersion = UtteranceBatchFormat.Version;

    public static IngestionBatchResult IngestBatch(IReadOnlyList<UtteranceSource> sources)
    {
        var accepted = new List<IngestedUtterance>(sources.Count);
        var rejected = new List<Rejection>();
        foreach (var source in sources)
        {
            if (TryLoad(source, out var utterance, out var rejection)) accepted.Add(utterance!);
            else rejected.Add(rejection!);
        }
        return new IngestionBatchResult(UtteranceBatchFormat.Write(accepted), accepted, rejected);
    }

    /// <summary>Loads one utterance; on bad input, the rejection names the file and the reason.</summary>
    public static bool TryLoad(UtteranceSource source, out IngestedUtterance? utterance, out Rejection? rejection)
    {
        try
        {
            utterance = UtteranceLoader.Load(source);
            rejection = null;
            return true;
        }
        catch (InputException e)
        {
            (utterance, rejection) = (null, new Rejection(source.Id, e.File, e.Location is null ? e.Problem : $"{e.Location}: {e.Problem}"));
        }
        catch (IOException e)
        {
            (utterance, rejection) = (null, new Rejection(source.Id, source.AudioPath, $"cannot read: {e.Message}"));
        }
        catch (UnauthorizedAccessException e)
        {
            (utterance, rejection) = (null, new Rejection(source.Id, source.AudioPath, $"cannot read: {e.Message}"));
        }
        return false;
    }
}
