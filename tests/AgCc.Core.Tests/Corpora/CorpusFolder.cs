namespace AgCc.Core.Tests.Corpora;

/// <summary>A throwaway corpus folder; files are created empty unless given content (listing reads no media).</summary>
internal sealed class CorpusFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("agcc-corpus-").FullName;

    public string Write(string relativePath, string content = "")
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>An utterance with its audio and both companion files in the default folders.</summary>
    public void Utterance(string audioRelativePath, string id)
    {
        Write(audioRelativePath);
        Write($"openface/{id}.csv");
        Write($"mfa/{id}.TextGrid");
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
