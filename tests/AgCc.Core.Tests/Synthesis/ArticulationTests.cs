using AgCc.Core.Corpora;
using AgCc.Core.Landmarks;
using AgCc.Core.Synthesis;

namespace AgCc.Core.Tests.Synthesis;

/// <summary>The lip model, the face model and the camera: articulation that looks like speech.</summary>
[Trait("Category", Categories.Unit)]
public sealed class ArticulationTests
{
    private static readonly SpeakerProfile Speaker = SpeakerProfile.Create("t", female: true, seed: 3);

    [Fact]
    public void Bilabials_close_the_lips_and_open_vowels_open_them()
    {
        // "maybe stop": M EY1 B IY0 | S T AA1 P
        var (timing, mouth) = Track(["maybe", "stop"], Emotion.Neutral);
        foreach (var p in timing.Phones.Where(p => p.Label is "M" or "B" or "P"))
            Assert.True(At(mouth, p.Centre).Aperture < 0.01, $"{p.Label} at {p.Centre:F2} s is not closed");
        var aa = timing.Phones.Single(p => p.Label == "AA1");
        Assert.True(At(mouth, aa.Centre).Aperture > 0.08, "AA is not open");
    }

    [Fact]
    public void Rounded_vowels_protrude_and_narrow_and_spread_vowels_widen()
    {
        var (rounded, r) = Track(["you", "do"], Emotion.Neutral, pad: true);
        var (spread, s) = Track(["see", "me"], Emotion.Neutral, pad: true);
        var uw = At(r, rounded.Phones.Last(p => p.Label == "UW1").Centre);
        var iy = At(s, spread.Phones.Last(p => p.Label == "IY1").Centre);
        Assert.True(uw.Width < iy.Width - 0.08, $"UW width {uw.Width:F3} vs IY {iy.Width:F3}");
        Assert.True(uw.Protrusion > iy.Protrusion + 0.5, $"UW protrusion {uw.Protrusion:F2} vs IY {iy.Protrusion:F2}");
    }

    [Fact]
    public void Consonants_without_a_lip_gesture_borrow_the_next_vowel_s_rounding()
    {
        var (t1, m1) = Track(["take"], Emotion.Neutral, pad: true); // T EY1 K: spread
        var (t2, m2) = Track(["to"], Emotion.Neutral, pad: true);   // T UW1: rounded
        var spreadT = At(m1, t1.Phones[0].End - 0.01);
        var roundT = At(m2, t2.Phones[0].End - 0.01);
        Assert.True(roundT.Protrusion > spreadT.Protrusion + 0.3, "T before UW is not rounded in anticipation");
    }

    [Fact]
    public void Sad_gestures_are_smaller_than_angry_ones()
    {
        var (ta, angry) = Track(["that", "was", "not", "the", "plan"], Emotion.Anger);
        var (ts, sad) = Track(["that", "was", "not", "the", "plan"], Emotion.Sadness);
        Assert.True(angry.Max(m => m.Aperture) > 1.3 * sad.Max(m => m.Aperture));
        Assert.True(ts.Duration > ta.Duration, "sad speech is not slower");
    }

    [Theory]
    [InlineData(0.0, 0.52, 0.1)]
    [InlineData(0.14, 0.51, 0.1)]
    [InlineData(0.03, 0.40, 0.95)]
    [InlineData(0.04, 0.60, 0.0)]
    public void The_face_has_iBUG_topology(double aperture, double width, double protrusion)
    {
        Span<double> x = stackalloc double[68], y = stackalloc double[68], z = stackalloc double[68];
        FaceModel.Place(new MouthState(aperture, width, protrusion, 0.6 * aperture), EmotionStyle.Neutral, Speaker.Face, 1, x, y, z);
        Assert.Equal((0.0, 0.0), (x[33], y[33]));
        Assert.Equal(1.0, x[45] - x[36], 9);
        Assert.Equal(y[36], y[45], 9);
        // Mouth corners are the extremes; the inner contour lies inside the outer one.
        for (var i = 49; i <= 67; i++)
        {
            if (i == 54) continue;
            Assert.InRange(x[i], x[48], x[54]);
        }
        Assert.True(x[60] > x[48] && x[64] < x[54]);
        // Top to bottom at the midline: outer upper 51, inner upper 62, inner lower 66, outer lower 57, chin 8.
        Assert.True(y[51] < y[62] && y[62] <= y[66] && y[66] < y[57] && y[57] < y[8]);
        Assert.Equal(aperture, y[66] - y[62], 6);
        // Clockwise outer contour: 49–53 on the upper lip left to right, 55–59 on the lower lip right to left.
        for (var i = 48; i < 54; i++) Assert.True(x[i] < x[i + 1]);
        for (var i = 54; i < 59; i++) Assert.True(x[i] > x[i + 1]);
        Assert.True(x[61] < x[62] && x[62] < x[63] && x[65] > x[66] && x[66] > x[67]);
        // Eyes above the nose, brows above the eyes, the jaw from ear to ear through the chin.
        Assert.True(y[19] < y[37] && y[37] < y[36] + 0.01 && y[36] < y[30]);
        Assert.True(x[0] < x[36] && x[16] > x[45] && y[8] == y.Slice(0, 17).ToArray().Max());
    }

    [Fact]
    public void Face_normalisation_undoes_the_camera()
    {
        Span<double> x = stackalloc double[68], y = stackalloc double[68], z = stackalloc double[68];
        FaceModel.Place(new MouthState(0.08, 0.5, 0.2, 0.05), EmotionStyle.Neutral, Speaker.Face, 1, x, y, z);
        var shapes = new List<float[]>();
        foreach (var camera in new[] { CorpusProfile.CremaD(SynthesisSizes.For(SynthesisPreset.Demo), 1).Camera, CorpusProfile.MspImprov(SynthesisSizes.For(SynthesisPreset.Demo), 1).Camera })
        {
            var px = new float[68];
            var py = new float[68];
            var rng = new Prng(1);
            (camera with { JitterPixels = 0 }).Project(x, y, z, new HeadPose(0, 0, 0.05, 0.3, -0.2, 1.1), px, py, ref rng);
            var normalised = new float[40];
            Assert.True(MouthNormalizer.TryNormalize(LandmarkNormalization.Face, px, py, normalised));
            shapes.Add(normalised);
        }
        for (var i = 0; i < 40; i++) Assert.Equal(shapes[0][i], shapes[1][i], 3);
    }

    [Fact]
    public void Tracking_fails_briefly_inside_speech_and_longer_only_outside_it()
    {
        var corpus = SyntheticCorpora.Plan(SynthesisSizes.For(SynthesisPreset.Demo), seed: 4)[1];
        int lost = 0, unsure = 0, longRuns = 0;
        foreach (var u in corpus.Utterances.Take(80))
        {
            var (timing, frames) = corpus.RenderLandmarks(u);
            Assert.Equal(Enumerable.Range(1, frames.Count), frames.Select(f => f.Frame));
            Assert.InRange(frames[^1].Timestamp, timing.Duration - 0.07, timing.Duration);
            var bad = frames.Select(f => !f.Success || f.Confidence < 0.8).ToArray();
            lost += frames.Count(f => !f.Success);
            unsure += frames.Count(f => f.Success && f.Confidence < 0.8);
            for (var start = 0; start < bad.Length; start++)
            {
                if (!bad[start] || (start > 0 && bad[start - 1])) continue;
                var end = start;
                while (end + 1 < bad.Length && bad[end + 1]) end++;
                if (end - start + 1 <= 3) continue;
                longRuns++;
                Assert.True(frames[end].Timestamp < timing.SpeechStart || frames[start].Timestamp > timing.SpeechEnd,
                    $"{u.Id}: a {end - start + 1}-frame tracking loss inside speech");
            }
        }
        Assert.True(lost > 0 && unsure > 0 && longRuns > 0, $"lost {lost}, unsure {unsure}, long runs {longRuns}: every kind of failure should occur");
    }

    private static (UtteranceTiming Timing, MouthState[] Mouth) Track(string[] words, Emotion emotion, bool pad = false)
    {
        var style = EmotionStyle.For(emotion);
        var rng = new Prng(11);
        var (timing, _) = ProsodyModel.Plan(words, style, Speaker, pad ? 1.0 : 0.5, 4, ref rng);
        var frames = (int)(timing.Duration * 1000);
        return (timing, LipModel.Track(timing, style, Speaker, 1000, frames));
    }

    private static MouthState At(MouthState[] mouth, double t) => mouth[Math.Clamp((int)Math.Round(t * 1000), 0, mouth.Length - 1)];
}
