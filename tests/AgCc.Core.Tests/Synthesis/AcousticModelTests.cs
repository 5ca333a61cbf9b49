using AgCc.Core.Corpora;
using AgCc.Core.Synthesis;

namespace AgCc.Core.Tests.Synthesis;

/// <summary>The source–filter voice and the recording channels.</summary>
[Trait("Category", Categories.Unit)]
public sealed class AcousticModelTests
{
    private static readonly SpeakerProfile Speaker = SpeakerProfile.Create("m", female: false, seed: 8);
    private static readonly string[] Words = ["I", "have", "been", "waiting", "all", "day"];

    [Fact]
    public void Aroused_emotions_are_higher_wider_and_louder_and_sadness_is_lower_narrower_and_quieter()
    {
        var cues = ((Emotion[])[Emotion.Neutral, Emotion.Anger, Emotion.Happiness, Emotion.Sadness]).ToDictionary(e => e, Cues);
        Assert.True(cues[Emotion.Anger].F0 > cues[Emotion.Neutral].F0 + 2 && cues[Emotion.Happiness].F0 > cues[Emotion.Neutral].F0 + 2);
        Assert.True(cues[Emotion.Sadness].F0 < cues[Emotion.Neutral].F0);
        Assert.True(cues[Emotion.Happiness].Range > cues[Emotion.Anger].Range && cues[Emotion.Anger].Range > cues[Emotion.Neutral].Range
            && cues[Emotion.Neutral].Range > cues[Emotion.Sadness].Range);
        Assert.True(cues[Emotion.Anger].Level > cues[Emotion.Happiness].Level && cues[Emotion.Happiness].Level > cues[Emotion.Neutral].Level
            && cues[Emotion.Neutral].Level > cues[Emotion.Sadness].Level);
        Assert.True(cues[Emotion.Sadness].Duration > cues[Emotion.Neutral].Duration && cues[Emotion.Neutral].Duration > cues[Emotion.Anger].Duration);
    }

    [Fact]
    public void The_voice_is_periodic_at_the_planned_F0_in_vowels()
    {
        var style = EmotionStyle.Neutral;
        var rng = new Prng(2);
        var (timing, pitch) = ProsodyModel.Plan(["all"], style, Speaker, 1, 3, ref rng);
        var audio = SourceFilterSynthesizer.Render(timing, pitch, style, Speaker, 16000, ref rng);
        var vowel = timing.Phones.Single(p => p.Label == "AO1");
        var start = (int)(vowel.Centre * 16000) - 320;
        var f0 = pitch.HzAt(vowel.Centre);
        var lag = (int)Math.Round(16000 / f0);
        double Corr(int l) => Enumerable.Range(start, 640).Sum(i => audio[i] * audio[i + l]) / Enumerable.Range(start, 640).Sum(i => audio[i] * audio[i]);
        Assert.True(Corr(lag) > 0.8, $"autocorrelation at the F0 period is {Corr(lag):F2}");
        Assert.True(Corr(lag) > Corr(lag / 2 + 3));
    }

    [Fact]
    public void The_two_recording_channels_differ_in_level_band_and_room()
    {
        var sizes = SynthesisSizes.For(SynthesisPreset.Demo);
        var crema = CorpusProfile.CremaD(sizes, 1);
        var msp = CorpusProfile.MspImprov(sizes, 1);
        Assert.Equal((16000, 48000), (crema.SampleRate, msp.SampleRate));

        // Reverberant energy after the first 50 ms of each room's impulse response.
        double Tail(CorpusProfile p) => p.Channel.ImpulseResponse(p.SampleRate, p.RoomSeed).Skip(p.SampleRate / 20).Sum(v => v * v);
        Assert.True(Tail(msp) > 4 * Tail(crema));

        // The same 1 kHz tone: MSP records it quieter; the CREMA band stops well before 8 kHz.
        Assert.True(Rms(Tone(msp, 1000)) < 0.7 * Rms(Tone(crema, 1000)));
        Assert.True(Rms(Tone(crema, 7600)) < 0.3 * Rms(Tone(crema, 1000)));
        Assert.True(Rms(Tone(msp, 7600)) > 0.7 * Rms(Tone(msp, 1000)));
    }

    private static (double F0, double Range, double Level, double Duration) Cues(Emotion emotion)
    {
        var style = EmotionStyle.For(emotion);
        var rng = new Prng(21);
        var (timing, pitch) = ProsodyModel.Plan(Words, style, Speaker, 0.5, 6, ref rng);
        var st = Enumerable.Range(0, 200).Select(i => timing.SpeechStart + i * (timing.SpeechEnd - timing.SpeechStart) / 200).Select(pitch.SemitonesAt).ToArray();
        var audio = SourceFilterSynthesizer.Render(timing, pitch, style, Speaker, 16000, ref rng);
        var speech = audio.AsSpan((int)(timing.SpeechStart * 16000), (int)((timing.SpeechEnd - timing.SpeechStart) * 16000)).ToArray();
        var sd = Math.Sqrt(st.Average(v => v * v) - Math.Pow(st.Average(), 2));
        return (st.Average(), sd, 20 * Math.Log10(Rms(speech)), timing.Duration);
    }

    private static double[] Tone(CorpusProfile profile, double hz)
    {
        var clean = Enumerable.Range(0, profile.SampleRate / 2).Select(i => 0.1 * Math.Sin(2 * Math.PI * hz * i / profile.SampleRate)).ToArray();
        var rng = new Prng(4);
        var recorded = (profile.Channel with { NoiseDbfs = -200 }).Apply(clean, profile.SampleRate, profile.RoomSeed, ref rng);
        return recorded.Skip(profile.SampleRate / 4).Select(v => (double)v).ToArray();
    }

    private static double Rms(double[] x) => Math.Sqrt(x.Average(v => v * v));
}
