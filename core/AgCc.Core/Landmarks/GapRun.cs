namespace AgCc.Core.Landmarks;

/// <summary>
/// A run of frames that stays without values: longer than the interpolation limit, or at the start
/// or end of the track where there is no tracked frame on one side. Indices are into the
/// <see cref="MouthTrack"/>; frames and lines are those of the CSV (a frame that has no row for the
/// chosen face carries the line of the row that follows it).
/// </summary>
public sealed record GapRun(
    int FirstIndex, int Length, int FirstFrame, int LastFrame, int FirstLine, int LastLine, double Start, double End)
{
    public int LastIndex => FirstIndex + Length - 1;
}
