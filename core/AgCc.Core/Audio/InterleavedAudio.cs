namespace AgCc.Core.Audio;

/// <summary>
/// Multi-channel audio as floats, frame after frame (<c>Samples[frame * Channels + channel]</c>):
/// what a WAV file holds before the mix-down to an <see cref="AudioClip"/>.
/// </summary>
public sealed record InterleavedAudio
{
    public InterleavedAudio(float[] samples, int channels, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        if (samples.Length % channels != 0)
            throw new ArgumentException($"{samples.Length} samples are not a whole number of {channels}-channel frames.", nameof(samples));
        Samples = samples;
        Channels = channels;
        SampleRate = sampleRate;
    }

    public float[] Samples { get; }

    public int Channels { get; }

    public int SampleRate { get; }

    public int FrameCount => Samples.Length / Channels;
}
