namespace AgCc.Core.Audio;

/// <summary>
/// What a WAV header says about its audio, read without decoding the samples, so ingestion can list
/// durations and formats of a whole corpus cheaply.
/// </summary>
public sealed record WavInfo(WavFormat Format, long FrameCount)
{
    public double Duration => (double)FrameCount / Format.SampleRate;
}
