using System.Text.Json;
using AgCc.Core.Corpora;

namespace AgCc.Core.Torch.Training.Offline;

/// <summary>
/// Where `agcc train` caches what it computed (ingestions, features, gesture clusterings), each
/// under a name that changes whenever its inputs do, so a stale file is never read.
/// </summary>
public sealed class WorkingFolder(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string Ingestion(string corpus, string fingerprint) => Ensure(Path.Combine(Root, "corpora", corpus, $"{Short(fingerprint)}.utterances.bin"));

    public string Features(string corpus, string fingerprint, string specKey) => Ensure(Path.Combine(Root, "features", corpus, $"{Short(fingerprint)}-{specKey}.bin"));

    public string Gestures(string key) => Ensure(Path.Combine(Root, "gestures", $"{key}.csv"));

    /// <summary>Writes through a temporary file and a rename, so a cut-off run never leaves half a cache file.</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }

    public static void WriteRejections(string cache, IReadOnlyList<Rejection> rejections) =>
        WriteAtomically(cache + ".rejected.json", JsonSerializer.SerializeToUtf8Bytes(rejections));

    public static IReadOnlyList<Rejection> ReadRejections(string cache) =>
        File.Exists(cache + ".rejected.json") ? JsonSerializer.Deserialize<List<Rejection>>(File.ReadAllBytes(cache + ".rejected.json")) ?? [] : [];

    private static string Short(string fingerprint) => fingerprint.Length > 16 ? fingerprint[..16] : fingerprint;

    private static string Ensure(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
