namespace AgCc.Core.Audio;

/// <summary>Where a WAV file's samples are: absolute stream position and length (whole frames).</summary>
internal sealed record WavLayout(WavFormat Format, long DataOffset, long DataLength)
{
    public long FrameCount => DataLength / Format.BlockAlign;
}
