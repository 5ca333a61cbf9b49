using AgCc.Core.Alignments;
using AgCc.Core.Audio;
using AgCc.Core.Corpora;
using AgCc.Core.Landmarks;

namespace AgCc.Core.Synthesis;

/// <summary>
/// One utterance as planned before rendering: who says what with which emotion, where its audio
/// goes (relative to the corpus root), and the label the corpus reader will assign
/// (<see cref="Label"/> null: MSP raters reached no agreement).
/// </summary>
/// <param name="Expressiveness">How far the style moves from neutral: intensity × speaker × corpus.</param>
public sealed record PlannedUtterance(
    string Id,
    string AudioPath,
    SpeakerProfile Speaker,
    Emotion Emotion,
    double Expressiveness,
    IReadOnlyList<string> Words,
    Emotion? Label);

/// <summary>A rendered utterance: its audio, its MFA-like alignment and its OpenFace-like frames.</summary>
public sealed record SyntheticUtterance(
    PlannedUtterance Plan,
    AudioClip Audio,
    PhoneAlignment Alignment,
    TextGridForm AlignmentForm,
    IReadOnlyList<OpenFaceFrame> Frames,
    UtteranceTiming Timing)
{
    public double Duration => Audio.Duration;
}
