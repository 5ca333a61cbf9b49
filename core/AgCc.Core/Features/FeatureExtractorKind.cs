namespace AgCc.Core.Features;

public enum FeatureExtractorKind
{
    /// <summary>The built-in log-mel filterbank (80 bins, 25 ms window, 10 ms hop): needs no download.</summary>
    LogMel,

    /// <summary>wav2vec 2.0 hidden states from a checkpoint (Hugging Face or torchaudio).</summary>
    Wav2Vec2,
}
