namespace AgCc.Core.Audio;

/// <summary>How a WAV file stores its samples: signed integers (unsigned for 8-bit) or IEEE floats.</summary>
public enum WavSampleFormat
{
    Pcm,
    Float,
}
