using AgCc.Core.Alignments;
using AgCc.Core.Landmarks;

namespace AgCc.Core.Corpora.Ingestion;

/// <summary>
/// An utterance read, checked and normalised: its labels and source files, the audio's length,
/// the phone alignment, the normalised mouth trajectory (frames × 40, NaN in gaps) and the
/// gesture segments cut from it at the phone boundaries (METHOD.md steps 1–3).
/// </summary>
public sealed record IngestedUtterance(
    UtteranceSource Source,
    double AudioDuration,
    int AudioSampleRate,
    PhoneAlignment Alignment,
    LandmarkNormalization Normalization,
    double[] TrackTimestamps,
    float[] TrackValues,
    IReadOnlyList<GestureSegment> Segments);
