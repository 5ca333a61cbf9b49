namespace AgCc.Core.Audio;

/// <summary>
/// The sample encodings <see cref="WavWriter"/> writes: 16-bit PCM (the corpora's own format and the
/// default), 24-bit PCM (headroom for processed audio) and 32-bit IEEE float (lossless for any
/// <see cref="AudioClip"/>).
/// </summary>
public enum WavEncoding
{
    Pcm16,
    Pcm24,
    Float32,
}
