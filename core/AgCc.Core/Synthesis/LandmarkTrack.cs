using AgCc.Core.Landmarks;

namespace AgCc.Core.Synthesis;

/// <summary>
/// The OpenFace output for one utterance at 30 fps: lip model → face model → head pose → camera,
/// with blinks, per-frame confidence, and tracking failures. Short failures (1–3 frames, either
/// lost: success 0, confidence 0, landmarks 0; or unsure: success 1 with low confidence and noisy
/// points) fall inside speech, where the gesture pipeline interpolates them; longer losses fall
/// only before the first phone or after the last, so every utterance keeps all its gestures.
/// </summary>
public static class LandmarkTrack
{
    public const double FramesPerSecond = 30;

    public static int FrameCount(double duration) => Math.Max(1, (int)Math.Round(duration * FramesPerSecond));

    public static List<OpenFaceFrame> Build(
        UtteranceTiming timing, EmotionStyle style, SpeakerProfile speaker, Camera camera, double duration, ref Prng rng)
    {
        var count = FrameCount(duration);
        var mouth = LipModel.Track(timing, style, speaker, FramesPerSecond, count);
        var head = new HeadMotion(speaker, style, camera, ref rng);
        var eyes = Blinks(count, style, ref rng);
        var failures = Failures(timing, camera, count, ref rng);

        Span<double> x = stackalloc double[FaceModel.Points];
        Span<double> y = stackalloc double[FaceModel.Points];
        Span<double> z = stackalloc double[FaceModel.Points];
        var frames = new List<OpenFaceFrame>(count);
        for (var f = 0; f < count; f++)
        {
            var t = f / FramesPerSecond;
            FaceModel.Place(mouth[f], style, speaker.Face, eyes[f], x, y, z);
            var px = new float[FaceModel.Points];
            var py = new float[FaceModel.Points];
            camera.Project(x, y, z, head.At(t), px, py, ref rng);
            var confidence = Math.Clamp(rng.Gaussian(camera.Confidence, 0.012), 0.85, 0.99);
            var success = true;
            switch (failures[f])
            {
                case Failure.Lost:
                    confidence = 0;
                    success = false;
                    Array.Clear(px);
                    Array.Clear(py);
                    break;
                case Failure.Unsure:
                    confidence = rng.Uniform(0.2, 0.7);
                    for (var i = 0; i < px.Length; i++)
                    {
                        px[i] += (float)(4 * camera.JitterPixels * rng.Gaussian());
                        py[i] += (float)(4 * camera.JitterPixels * rng.Gaussian());
                    }
                    break;
            }
            frames.Add(new OpenFaceFrame(f + 1, Math.Round(t, 3), Math.Round(confidence, 2), success, px, py));
        }
        return frames;
    }

    private enum Failure : byte { None, Lost, Unsure }

    /// <summary>Eye openness per frame: about one 130 ms blink every 4 s; fear widens the eyes.</summary>
    private static double[] Blinks(int count, EmotionStyle style, ref Prng rng)
    {
        var open = new double[count];
        Array.Fill(open, 1 + Math.Max(0, style.BrowRaise) * 3);
        var f = rng.NextInt(0, 90);
        while (f < count)
        {
            for (var i = 0; i < 4 && f + i < count; i++) open[f + i] *= i is 1 or 2 ? 0.05 : 0.5;
            f += 60 + rng.NextInt(120);
        }
        return open;
    }

    private static Failure[] Failures(UtteranceTiming timing, Camera camera, int count, ref Prng rng)
    {
        var failures = new Failure[count];
        var firstSpeech = (int)Math.Ceiling(timing.SpeechStart * FramesPerSecond);
        var lastSpeech = Math.Min(count - 1, (int)Math.Floor(timing.SpeechEnd * FramesPerSecond));

        if (rng.Chance(camera.ShortFailureProbability))
        {
            var events = rng.Chance(0.3) ? 2 : 1;
            for (var e = 0; e < events; e++)
            {
                var length = rng.NextInt(1, 4);
                if (lastSpeech - firstSpeech < length + 6) break;
                var start = rng.NextInt(firstSpeech + 1, lastSpeech - length);
                // Keep at least two good frames around each event, so no gap grows beyond 3 frames.
                var clear = true;
                for (var i = Math.Max(0, start - 2); i < Math.Min(count, start + length + 2); i++) clear &= failures[i] == Failure.None;
                if (!clear) continue;
                var kind = rng.Chance(0.6) ? Failure.Lost : Failure.Unsure;
                for (var i = start; i < start + length; i++) failures[i] = kind;
            }
        }

        if (rng.Chance(camera.LongFailureProbability))
        {
            var length = rng.NextInt(4, 13);
            // Frames strictly outside speech, one frame of margin from the first/last phone.
            var before = firstSpeech - 1;
            var after = count - (lastSpeech + 2);
            if (rng.Chance(0.5) && before >= length)
            {
                var start = rng.NextInt(0, before - length + 1);
                for (var i = start; i < start + length; i++) failures[i] = Failure.Lost;
            }
            else if (after >= length)
            {
                var start = lastSpeech + 2 + rng.NextInt(0, after - length + 1);
                for (var i = start; i < start + length; i++) failures[i] = Failure.Lost;
            }
        }
        return failures;
    }
}
