namespace AgCc.Core.Audio;

/// <summary>
/// The sample layout a WAV file's <c>fmt</c> chunk declares, after validation: what the reader decodes
/// and what ingestion reports. <see cref="BitsPerSample"/> is the container size;
/// <see cref="ValidBitsPerSample"/> is the significant part (smaller only in extensible files, whose
/// samples are left-justified, so decoding scales by the container).
/// </summary>
public sealed record WavFormat(
    WavSampleFormat SampleFormat,
    int BitsPerSample,
    int ValidBitsPerSample,
    int Channels,
    int SampleRate,
    bool Extensible)
{
    /// <summary>Bytes in one frame: one sample of every channel.</summary>
    public int BlockAlign => Channels * (BitsPerSample / 8);
}
