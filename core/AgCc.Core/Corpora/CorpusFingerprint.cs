using System.Security.Cryptography;
using System.Text;

namespace AgCc.Core.Corpora;

/// <summary>
/// A hash of what an ingestion would read: every listed utterance's id, label and files with
/// their sizes and modification times, and every rejection. Equal fingerprints mean re-ingesting
/// would produce the same result.
/// </summary>
public static class CorpusFingerprint
{
    public static string Of(CorpusListing listing, string settings)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));

        Add(settings);
        foreach (var u in listing.Utterances)
        {
            Add($"{u.Id}|{u.Speaker}|{u.Emotion}|{u.Sentence}");
            foreach (var file in new[] { u.AudioPath, u.LandmarksPath, u.AlignmentPath })
            {
                var info = new FileInfo(file);
                Add(info.Exists ? $"{file}|{info.Length}|{info.LastWriteTimeUtc.Ticks}" : $"{file}|missing");
            }
        }
        foreach (var r in listing.Rejected.Concat(listing.Excluded)) Add($"{r.Utterance}|{r.File}|{r.Reason}");
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
