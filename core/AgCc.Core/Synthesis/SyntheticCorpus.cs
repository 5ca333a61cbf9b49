using AgCc.Core.Audio;
using AgCc.Core.Landmarks;

namespace AgCc.Core.Synthesis;

/// <summary>
/// A planned synthetic corpus: its profile, its utterances in file-name order, and how to write
/// its label files. Planning is sequential from the run seed (cheap); rendering is per
/// utterance from a seed derived from (run seed, corpus name, utterance id), so utterances can
/// be rendered in any order, on any number of threads, with identical results.
/// </summary>
public abstract class SyntheticCorpus(CorpusProfile profile, int seed)
{
    public CorpusProfile Profile { get; } = profile;
    public int Seed { get; } = seed;
    public string Name => Profile.Name;
    public abstract IReadOnlyList<PlannedUtterance> Utterances { get; }

    public ulong UtteranceSeed(PlannedUtterance utterance) => Prng.Derive(Seed, Name, utterance.Id);

    public SyntheticUtterance Render(PlannedUtterance utterance) =>
        UtteranceRenderer.Render(utterance, Profile, UtteranceSeed(utterance));

    /// <summary>Only the timing of <see cref="Render"/>.</summary>
    public UtteranceTiming Timing(PlannedUtterance utterance) =>
        UtteranceRenderer.Timing(utterance, Profile, UtteranceSeed(utterance));

    /// <summary>Only the audio of <see cref="Render"/>.</summary>
    public AudioClip RenderAudio(PlannedUtterance utterance) =>
        UtteranceRenderer.RenderAudio(utterance, Profile, UtteranceSeed(utterance));

    /// <summary>Only the timing and landmark frames of <see cref="Render"/>.</summary>
    public (UtteranceTiming Timing, IReadOnlyList<OpenFaceFrame> Frames) RenderLandmarks(PlannedUtterance utterance) =>
        UtteranceRenderer.RenderLandmarks(utterance, Profile, UtteranceSeed(utterance));

    /// <summary>The landmark CSV of an utterance, relative to the corpus root.</summary>
    public static string LandmarksPath(PlannedUtterance u) => Path.Combine("openface", u.Id + ".csv");

    /// <summary>The alignment of an utterance, relative to the corpus root.</summary>
    public static string AlignmentPath(PlannedUtterance u) => Path.Combine("mfa", u.Id + ".TextGrid");

    /// <summary>Writes the corpus's label files (vote table, evaluation file) under <paramref name="root"/>.</summary>
    public abstract void WriteLabels(string root);

    /// <summary>Folders every utterance's files go into, relative to the root.</summary>
    public IEnumerable<string> Folders() =>
        Utterances.Select(u => Path.GetDirectoryName(u.AudioPath)!).Append("openface").Append("mfa").Distinct(StringComparer.Ordinal);
}
