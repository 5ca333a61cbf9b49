namespace AgCc.Core.Features;

/// <summary>
/// Where an extractor's frames sit in time: frame i is centred at <see cref="FirstCentre"/> + i /
/// <see cref="Rate"/> seconds. Log-mel with centred STFT frames: rate = sample rate / hop, first
/// centre 0 (100 Hz). wav2vec 2.0: rate = sample rate / total conv stride, first centre half the
/// receptive field (50 Hz, 12.5 ms for 400 samples at 16 kHz).
/// </summary>
public readonly record struct FrameTiming(double Rate, double FirstCentre)
{
    // Interval ends are written in decimal seconds (TextGrid); 0.1 s × 100 Hz must give frame 10, not 11.
    private const double Slack = 1e-9;

    /// <summary>
    /// The frames [First, End) whose centres lie in [start, end) seconds, within [0, frames); an
    /// interval too short to hold a centre gets the one frame nearest its midpoint, so every
    /// phone maps to at least one frame. Empty only when the utterance has no frames.
    /// </summary>
    public (int First, int End) Frames(double start, double end, int frames)
    {
        if (frames <= 0) return (0, 0);
        var first = Clamp(Math.Ceiling((start - FirstCentre) * Rate - Slack), frames);
        var last = Clamp(Math.Ceiling((end - FirstCentre) * Rate - Slack), frames);
        if (last > first) return (first, last);
        var nearest = Math.Min(Clamp(Math.Round(((start + end) / 2 - FirstCentre) * Rate, MidpointRounding.AwayFromZero), frames), frames - 1);
        return (nearest, nearest + 1);
    }

    private static int Clamp(double frame, int frames) => (int)Math.Clamp(frame, 0, frames);
}
