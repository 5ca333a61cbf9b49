namespace AgCc.Core.Audio;

/// <summary>
/// One call from a WAV file to the model's input: read, mix down to mono, resample to the target
/// rate (16 kHz, the rate of the paper's acoustic models) when the file is at another.
/// </summary>
public static class AudioLoader
{
    public const int DefaultRate = 16000;

    /// <exception cref="Formats.InputException">The file is not a WAV file this platform reads.</exception>
    public static AudioClip Load(string path, int targetRate = DefaultRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetRate, 1);
        return Conform(WavReader.Read(path), targetRate);
    }

    /// <param name="file">The name errors give for the stream.</param>
    public static AudioClip Load(Stream stream, string file, int targetRate = DefaultRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetRate, 1);
        return Conform(WavReader.Read(stream, file), targetRate);
    }

    private static AudioClip Conform(AudioClip clip, int targetRate) =>
        clip.SampleRate == targetRate ? clip : Resampler.Resample(clip, targetRate);
}
