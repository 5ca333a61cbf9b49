using AgCc.Core.Corpora.Ingestion;
using AgCc.Artifacts;

namespace AgCc.Grains.Corpora;

/// <summary>
/// Serves one ingested utterance from its corpus's batch artifact: the corpus says which batch,
/// this grain reads it once per activation and keeps only its own record.
/// </summary>
public sealed class UtteranceGrain(IArtifactStore artifacts) : Grain, IUtteranceGrain
{
    private (string Artifact, IngestedUtterance Utterance)? cached;

    private (string Corpus, string Id) Key
    {
        get
        {
            var key = this.GetPrimaryKeyString();
            var slash = key.IndexOf('/');
            return slash > 0 ? (key[..slash], key[(slash + 1)..]) : throw new ArgumentException($"utterance key '{key}' is not corpus/utterance");
        }
    }

    public async Task<UtteranceDetail?> GetDetail()
    {
        if (await LoadAsync() is not { } u) return null;
        return new UtteranceDetail(
            Key.Corpus, u.Source.Id, u.Source.Speaker, u.Source.Emotion, u.Source.Sentence, u.AudioDuration,
            u.Alignment.Words.Select(w => new PhoneSpan(w.Start, w.End, w.Label)).ToArray(),
            u.Alignment.Phones.Select(p => new PhoneSpan(p.Start, p.End, p.Label)).ToArray(),
            u.Normalization.ToString().ToLowerInvariant(), u.TrackTimestamps, u.TrackValues, u.Segments.Count, u.Source.AudioPath);
    }

    public async Task<byte[]?> GetAudio()
    {
        var location = await GrainFactory.GetGrain<ICorpusGrain>(Key.Corpus).LocateUtterance(Key.Id);
        if (location is null || !File.Exists(location.Source.AudioPath)) return null;
        return await File.ReadAllBytesAsync(location.Source.AudioPath);
    }

    private async Task<IngestedUtterance?> LoadAsync()
    {
        var location = await GrainFactory.GetGrain<ICorpusGrain>(Key.Corpus).LocateUtterance(Key.Id);
        if (location is null) return null;
        if (cached is { } hit && hit.Artifact == location.Artifact) return hit.Utterance;

        var bytes = await artifacts.ReadAsync(location.Artifact)
            ?? throw new InvalidOperationException($"the batch artifact {location.Artifact} is missing");
        var utterance = UtteranceBatchFormat.Read(bytes, location.Artifact).FirstOrDefault(u => u.Source.Id == Key.Id);
        if (utterance is not null) cached = (location.Artifact, utterance);
        return utterance;
    }
}
