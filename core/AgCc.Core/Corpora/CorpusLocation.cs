namespace AgCc.Core.Corpora;

/// <summary>
/// Where a corpus lies: its root (as distributed), and the folders of the mouth landmarks
/// (OpenFace CSVs) and alignments (MFA TextGrids), matched to utterances by id. By default
/// they are the `openface/` and `mfa/` subfolders of the root.
/// </summary>
public sealed record CorpusLocation(string Root, string? Landmarks = null, string? Alignments = null)
{
    public const string DefaultLandmarksFolder = "openface";
    public const string DefaultAlignmentsFolder = "mfa";

    public string LandmarksFolder => Landmarks ?? Path.Combine(Root, DefaultLandmarksFolder);
    public string AlignmentsFolder => Alignments ?? Path.Combine(Root, DefaultAlignmentsFolder);

    public string LandmarksOf(string utteranceId) => Path.Combine(LandmarksFolder, utteranceId + ".csv");
    public string AlignmentOf(string utteranceId) => Path.Combine(AlignmentsFolder, utteranceId + ".TextGrid");
}
