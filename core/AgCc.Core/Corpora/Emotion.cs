namespace AgCc.Core.Corpora;

/// <summary>The emotion categories the corpora are labelled with (before a task's label map).</summary>
public enum Emotion
{
    Neutral,
    Anger,
    Happiness,
    Sadness,
    Disgust,
    Fear,
    /// <summary>MSP-IMPROV's `O`: an emotion outside the categories.</summary>
    Other,
}
