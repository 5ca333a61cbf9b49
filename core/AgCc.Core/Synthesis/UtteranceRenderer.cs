using AgCc.Core.Alignments;
using AgCc.Core.Audio;
using AgCc.Core.Landmarks;

namespace AgCc.Core.Synthesis;

/// <summary>
/// Renders one planned utterance under a corpus profile from its own seed: prosody → source–
/// filter audio → recording channel, lip model → face → camera, and the alignment. Each stage
/// draws from its own forked generator, so changing one stage's draws leaves the others alone.
/// </summary>
public static class UtteranceRenderer
{
    public static SyntheticUtterance Render(PlannedUtterance plan, CorpusProfile corpus, ulong seed)
    {
        var stages = new Stages(plan, corpus, seed);
        var audio = stages.Audio();
        var frames = stages.Landmarks();
        return new SyntheticUtterance(plan, audio, Alignment(stages.Timing, corpus.ExplicitSilences, audio.Duration), stages.Form(), frames, stages.Timing);
    }

    /// <summary>Only the audio of <see cref="Render"/> (identical samples, less work).</summary>
    public static AudioClip RenderAudio(PlannedUtterance plan, CorpusProfile corpus, ulong seed) =>
        new Stages(plan, corpus, seed).Audio();

    /// <summary>Only the timing and landmark frames of <see cref="Render"/> (identical values, no audio work).</summary>
    public static (UtteranceTiming Timing, IReadOnlyList<OpenFaceFrame> Frames) RenderLandmarks(PlannedUtterance plan, CorpusProfile corpus, ulong seed)
    {
        var stages = new Stages(plan, corpus, seed);
        return (stages.Timing, stages.Landmarks());
    }

    /// <summary>Only the timing (words, phones, pauses, duration) of <see cref="Render"/>: no audio or video work.</summary>
    public static UtteranceTiming Timing(PlannedUtterance plan, CorpusProfile corpus, ulong seed) =>
        new Stages(plan, corpus, seed).Timing;

    /// <summary>The per-stage generators, forked from the utterance seed, and the shared timing.</summary>
    private sealed class Stages
    {
        private readonly PlannedUtterance _plan;
        private readonly CorpusProfile _corpus;
        private readonly EmotionStyle _style;
        private readonly PitchContour _pitch;
        private readonly Prng _root;

        public Stages(PlannedUtterance plan, CorpusProfile corpus, ulong seed)
        {
            _plan = plan;
            _corpus = corpus;
            _root = new Prng(seed);
            _style = corpus.Mode.Apply(EmotionStyle.For(plan.Emotion).Scaled(plan.Expressiveness));
            var prosody = _root.Fork("prosody");
            (Timing, _pitch) = ProsodyModel.Plan(plan.Words, _style, plan.Speaker, corpus.MinSeconds, corpus.MaxSeconds, ref prosody);
        }

        public UtteranceTiming Timing { get; }

        /// <summary>The TextGrid form this utterance's alignment is written in.</summary>
        public TextGridForm Form()
        {
            var misc = _root.Fork("misc");
            return misc.Chance(_corpus.ShortTextGridShare) ? TextGridForm.Short : TextGridForm.Long;
        }

        /// <summary>The audio's length: whole samples at the corpus rate; the video spans the same time.</summary>
        private double Duration => Math.Round(Timing.Duration * _corpus.SampleRate) / _corpus.SampleRate;

        public AudioClip Audio()
        {
            var voice = _root.Fork("voice");
            var channel = _root.Fork("channel");
            var clean = SourceFilterSynthesizer.Render(Timing, _pitch, _style, _plan.Speaker, _corpus.SampleRate, ref voice);
            return new AudioClip(_corpus.Channel.Apply(clean, _corpus.SampleRate, _corpus.RoomSeed, ref channel), _corpus.SampleRate);
        }

        public IReadOnlyList<OpenFaceFrame> Landmarks()
        {
            var video = _root.Fork("video");
            return LandmarkTrack.Build(Timing, _style, _plan.Speaker, _corpus.Camera, Duration, ref video);
        }
    }

    /// <summary>
    /// Words in lower case, phones in ARPAbet with stress digits as MFA writes them, boundaries on
    /// MFA's 10 ms frame grid. With explicit silences, the leading and trailing silence are `sil`
    /// and pauses between words `sp` (older MFA); otherwise silences are left as gaps (empty
    /// intervals, MFA 2.x).
    /// </summary>
    public static PhoneAlignment Alignment(UtteranceTiming timing, bool explicitSilences, double duration)
    {
        static double Grid(double t) => Math.Round(t, 2, MidpointRounding.AwayFromZero);
        var words = timing.Words.Select(w => new Interval(Grid(w.Start), Grid(w.End), w.Label)).ToList();
        var phones = new List<Interval>(timing.Phones.Count + 4);
        if (explicitSilences && Grid(timing.SpeechStart) > 0) phones.Add(new Interval(0, Grid(timing.SpeechStart), "sil"));
        var pause = 0;
        foreach (var p in timing.Phones)
        {
            while (explicitSilences && pause < timing.Pauses.Count && timing.Pauses[pause].End <= p.Start + 1e-9)
            {
                phones.Add(new Interval(Grid(timing.Pauses[pause].Start), Grid(timing.Pauses[pause].End), "sp"));
                pause++;
            }
            phones.Add(new Interval(Grid(p.Start), Grid(p.End), p.Label));
        }
        if (explicitSilences && duration > Grid(timing.SpeechEnd)) phones.Add(new Interval(Grid(timing.SpeechEnd), duration, "sil"));
        return new PhoneAlignment(words, phones);
    }
}
