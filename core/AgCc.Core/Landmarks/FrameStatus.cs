namespace AgCc.Core.Landmarks;

/// <summary>What a frame of a <see cref="MouthTrack"/> holds.</summary>
public enum FrameStatus : byte
{
    /// <summary>OpenFace tracked the face (success 1, confidence at or above the threshold).</summary>
    Tracked,

    /// <summary>A short gap, filled by linear interpolation between its tracked neighbours.</summary>
    Interpolated,

    /// <summary>Part of a <see cref="GapRun"/>: no values (NaN); the trajectory is cut here.</summary>
    Gap,
}
