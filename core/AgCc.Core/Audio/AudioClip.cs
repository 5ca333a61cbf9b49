namespace AgCc.Core.Audio;

/// <summary>Mono audio as floats in [-1, 1] at <see cref="SampleRate"/> Hz.</summary>
public sealed record AudioClip(float[] Samples, int SampleRate)
{
    public double Duration => (double)Samples.Length / SampleRate;
}
