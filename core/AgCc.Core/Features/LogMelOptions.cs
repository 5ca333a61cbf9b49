namespace AgCc.Core.Features;

/// <summary>Mean/variance normalisation of frame features, per dimension: (x − mean) / (std + <see cref="FeatureStatistics.Epsilon"/>).</summary>
public enum FeatureNormalization
{
    None,

    /// <summary>Statistics over the utterance's own frames.</summary>
    Utterance,

    /// <summary>Statistics over every frame of the corpus (a feature set's <see cref="FeatureStatistics"/>), applied when features are read.</summary>
    Corpus,
}

/// <summary>
/// A log-mel front end; the defaults are torchaudio.transforms.MelSpectrogram(sample_rate=16000,
/// n_fft=400, win_length=400, hop_length=160, n_mels=80) with its other defaults (centred frames,
/// reflect padding, periodic Hann window, power 2, HTK scale, no filter norm, f_min 0, f_max
/// sample_rate/2), then log(mel + 1e-6) (METHOD.md step 5: 25 ms window, 10 ms hop).
/// </summary>
public sealed record LogMelOptions
{
    public int SampleRate { get; init; } = 16000;

    public int FftSize { get; init; } = 400;

    public int WindowLength { get; init; } = 400;

    public int HopLength { get; init; } = 160;

    public int Mels { get; init; } = 80;

    public double MinFrequency { get; init; }

    /// <summary>Null: half the sample rate.</summary>
    public double? MaxFrequency { get; init; }

    public MelScale Scale { get; init; } = MelScale.Htk;

    public MelNorm Norm { get; init; } = MelNorm.None;

    public double LogOffset { get; init; } = 1e-6;

    public FeatureNormalization Normalization { get; init; } = FeatureNormalization.None;

    /// <summary>Frames per second of the output.</summary>
    public double FrameRate => (double)SampleRate / HopLength;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (SampleRate < 1) problems.Add($"sampleRate: must be positive (got {SampleRate})");
        if (FftSize < 2) problems.Add($"fftSize: must be at least 2 (got {FftSize})");
        if (WindowLength < 1 || WindowLength > FftSize) problems.Add($"windowLength: must be between 1 and fftSize ({FftSize}) (got {WindowLength})");
        if (HopLength < 1) problems.Add($"hopLength: must be positive (got {HopLength})");
        if (Mels < 1) problems.Add($"mels: must be positive (got {Mels})");
        var max = MaxFrequency ?? SampleRate / 2.0;
        if (!(MinFrequency >= 0) || !(max > MinFrequency) || max > SampleRate / 2.0)
            problems.Add($"minFrequency/maxFrequency: need 0 ≤ min < max ≤ sampleRate/2 (got {MinFrequency}, {max})");
        if (!(LogOffset > 0)) problems.Add($"logOffset: must be positive (got {LogOffset})");
        if (Normalization == FeatureNormalization.Corpus)
            problems.Add("normalization: corpus-level statistics belong to a feature set (FeatureStatistics), not to one utterance's transform");
        return problems;
    }
}
