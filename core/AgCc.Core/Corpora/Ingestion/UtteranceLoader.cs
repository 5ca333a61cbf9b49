using AgCc.Core.Alignments;
using AgCc.Core.Audio;
using AgCc.Core.Formats;
using AgCc.Core.Landmarks;

namespace AgCc.Core.Corpora.Ingestion;

/// <summary>
/// Reads one utterance's three files with the format readers and checks that they belong
/// together: the alignment fits in the audio, the landmark track covers the speech with no gap
/// longer than the interpolation limit inside it, and at least one gesture segment results.
/// Every problem is an <see cref="InputException"/> naming the file at fault.
/// </summary>
public static class UtteranceLoader
{
    /// <summary>How far an alignment may run past the audio's end (MFA rounds to 10 ms frames).</summary>
    public const double AlignmentTolerance = 0.05;

    public static IngestedUtterance Load(UtteranceSource source, OpenFaceReadOptions? landmarks = null, GestureSegmentOptions? segments = null)
    {
        var audio = WavReader.Read(source.AudioPath);
        var alignment = TextGridReader.ReadAlignment(source.AlignmentPath);
        var track = OpenFaceCsvReader.Read(source.LandmarksPath, landmarks);

        if (alignment.Phones.Count == 0)
            throw new InputException(source.AlignmentPath, "tier phones", "no phones (only silence)");
        var speechStart = alignment.Phones[0].Start;
        var speechEnd = alignment.Phones[^1].End;
        if (speechEnd > audio.Duration + AlignmentTolerance)
            throw new InputException(source.AlignmentPath, "tier phones",
                $"the last phone ends at {speechEnd:0.###} s, after the audio ({source.AudioPath}) ends at {audio.Duration:0.###} s");

        if (track.FrameCount == 0 || track.Timestamps[0] > speechStart + AlignmentTolerance || track.Timestamps[^1] < speechEnd - AlignmentTolerance)
            throw new InputException(source.LandmarksPath, null,
                $"the landmark track ({Span(track)}) does not cover the speech ({speechStart:0.###}–{speechEnd:0.###} s)");
        foreach (var gap in track.Gaps)
        {
            if (gap.End > speechStart && gap.Start < speechEnd)
                throw new InputException(source.LandmarksPath, $"lines {gap.FirstLine}–{gap.LastLine}",
                    $"{gap.Length} frames without a tracked face ({gap.Start:0.###}–{gap.End:0.###} s) during speech; at most {(landmarks ?? OpenFaceReadOptions.Default).MaxInterpolatedGap} are interpolated");
        }

        var cut = GestureSegmenter.Cut(track, alignment, segments);
        if (cut.Segments.Count == 0)
            throw new InputException(source.LandmarksPath, null, $"no gesture segment of at least {(segments ?? GestureSegmentOptions.Default).MinFrames} frames");

        return new IngestedUtterance(
            source, audio.Duration, audio.SampleRate, alignment, track.Normalization,
            track.Timestamps.ToArray(), track.Values.ToArray(), cut.Segments);
    }

    private static string Span(MouthTrack track) =>
        track.FrameCount == 0 ? "no frames" : $"{track.Timestamps[0]:0.###}–{track.Timestamps[^1]:0.###} s";
}
