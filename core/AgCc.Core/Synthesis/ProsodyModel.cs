namespace AgCc.Core.Synthesis;

/// <summary>
/// Timing and intonation of an utterance. Phone durations are the inventory's neutral values
/// scaled by stress (unstressed vowels ≈ 0.6×), accent (1.15×), phrase-final lengthening (1.3×,
/// 1.5× for the last vowel), the speaking rate (emotion × speaker × a per-utterance tempo) and a
/// log-normal jitter (σ = 0.12), never below 30 ms. Pauses between words come with the emotion's
/// pause probability (sadness pauses most). F0: see <see cref="PitchContour"/>.
/// </summary>
public static class ProsodyModel
{
    private const double MinPhone = 0.030;

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "A", "THE", "TO", "OF", "IN", "IS", "ON", "IT", "AT", "ARE", "WAS", "BE", "I", "I'M", "I'VE",
        "WE", "WE'LL", "YOU", "HE", "SHE", "MY", "ME", "OR", "DO", "WILL", "WOULD", "SHOULD", "HAVE",
        "BEEN", "IT'S", "THAT'S", "SO",
    };

    public static (UtteranceTiming Timing, PitchContour Pitch) Plan(
        IReadOnlyList<string> words, EmotionStyle style, SpeakerProfile speaker,
        double minSeconds, double maxSeconds, ref Prng rng)
    {
        if (words.Count == 0) throw new ArgumentException("an utterance needs at least one word", nameof(words));
        var rate = style.Rate * speaker.Rate * Math.Exp(rng.Gaussian(0, 0.05));

        // Which words carry a pitch accent: content words by chance, the last one always (nuclear).
        var accented = new bool[words.Count];
        var lastContent = -1;
        for (var w = 0; w < words.Count; w++)
        {
            var content = !FunctionWords.Contains(PronunciationTable.Normalise(words[w]));
            if (content) lastContent = w;
            accented[w] = content && rng.Chance(0.6);
        }
        accented[lastContent >= 0 ? lastContent : words.Count - 1] = true;

        // Segments: (kind, word, label, duration); kind 0 silence, 1 pause, 2 phone.
        var segments = new List<(int Kind, int Word, string Label, double Seconds)>
        {
            (0, -1, "", rng.Uniform(0.15, 0.32)),
        };
        for (var w = 0; w < words.Count; w++)
        {
            if (w > 0 && rng.Chance(style.PauseProbability))
                segments.Add((1, -1, "", rng.Uniform(0.08, 0.22) / rate));
            var phones = PronunciationTable.Phones(words[w]);
            var lastVowel = -1;
            for (var p = 0; p < phones.Count; p++) if (PhoneInventory.Get(phones[p]).IsVowel) lastVowel = p;
            var primary = PrimaryStress(phones);
            var final = w == words.Count - 1;
            for (var p = 0; p < phones.Count; p++)
            {
                var spec = PhoneInventory.Get(phones[p]);
                var d = spec.DurationMs / 1000.0;
                if (spec.IsVowel)
                {
                    d *= PhoneInventory.Stress(phones[p]) switch { 0 => 0.6, 2 => 0.85, _ => 1.0 };
                    if (accented[w] && p == primary) d *= 1.15;
                    if (final && p == lastVowel) d *= 1.5;
                }
                if (final) d *= 1.3;
                d *= Math.Exp(rng.Gaussian(0, 0.12)) / rate;
                segments.Add((2, w, phones[p], Math.Max(MinPhone, d)));
            }
        }
        segments.Add((0, -1, "", rng.Uniform(0.15, 0.32)));

        // Fit the corpus's duration range: compress everything if too long, pad silence if too short.
        var total = segments.Sum(s => s.Seconds);
        if (total > maxSeconds)
        {
            var f = maxSeconds * rng.Uniform(0.96, 0.995) / total;
            for (var i = 0; i < segments.Count; i++)
                segments[i] = segments[i] with { Seconds = Math.Max(segments[i].Kind == 2 ? MinPhone : 0.05, segments[i].Seconds * f) };
        }
        total = segments.Sum(s => s.Seconds);
        if (total < minSeconds)
        {
            var pad = (minSeconds - total) * rng.Uniform(1.0, 1.2);
            var lead = pad * rng.Uniform(0.3, 0.7);
            segments[0] = segments[0] with { Seconds = segments[0].Seconds + lead };
            segments[^1] = segments[^1] with { Seconds = segments[^1].Seconds + pad - lead };
        }

        // Lay out in time.
        var phonesOut = new List<TimedPhone>();
        var pauses = new List<(double, double)>();
        var wordStart = new double[words.Count];
        var wordEnd = new double[words.Count];
        var t = 0.0;
        foreach (var s in segments)
        {
            var end = t + s.Seconds;
            if (s.Kind == 1) pauses.Add((t, end));
            if (s.Kind == 2)
            {
                var wordPhones = PronunciationTable.Phones(words[s.Word]);
                var isPrimary = phonesOut.Count(p => p.Word == s.Word) == PrimaryStress(wordPhones);
                phonesOut.Add(new TimedPhone(s.Label, t, end, s.Word, accented[s.Word] && isPrimary));
                if (wordStart[s.Word] == 0) wordStart[s.Word] = t;
                wordEnd[s.Word] = end;
            }
            t = end;
        }
        var duration = t;
        var wordsOut = words.Select((w, i) => new TimedWord(PronunciationTable.Normalise(w).ToLowerInvariant(), wordStart[i], wordEnd[i])).ToArray();
        var timing = new UtteranceTiming(wordsOut, phonesOut, pauses, duration);
        return (timing, Pitch(timing, style, speaker, ref rng));
    }

    private static PitchContour Pitch(UtteranceTiming timing, EmotionStyle style, SpeakerProfile speaker, ref Prng rng)
    {
        var accents = new List<PitchAccent>();
        foreach (var p in timing.Phones)
        {
            if (!p.Accented) continue;
            var nuclear = p.Word == timing.Words.Count - 1 || ReferenceEquals(p, timing.Phones.Last(q => q.Accented));
            var amplitude = style.F0RangeSemitones * (nuclear ? rng.Uniform(0.85, 1.05) : rng.Uniform(0.55, 1.0));
            // Peak a little after the vowel centre (peak delay), spread over the syllable.
            accents.Add(new PitchAccent(p.Start + 0.6 * p.Duration, Math.Max(0.05, 0.7 * p.Duration), amplitude));
        }
        return new PitchContour(
            speaker.F0Hz,
            style.F0ShiftSemitones + rng.Gaussian(0, 0.8),
            style.DeclinationSemitones,
            timing.SpeechStart,
            timing.SpeechEnd,
            accents,
            finalFallSemitones: -0.5 * style.F0RangeSemitones,
            rangeSemitones: Math.Max(0.5, style.F0RangeSemitones),
            wander1: (rng.Uniform(0.2, 0.5), rng.Uniform(0.5, 1.2), rng.Uniform(0, 2 * Math.PI)),
            wander2: (rng.Uniform(0.1, 0.3), rng.Uniform(1.5, 3.0), rng.Uniform(0, 2 * Math.PI)));
    }

    /// <summary>Index of the primary-stressed vowel of a word (the first vowel if none is marked 1).</summary>
    private static int PrimaryStress(IReadOnlyList<string> phones)
    {
        var first = -1;
        for (var i = 0; i < phones.Count; i++)
        {
            if (!PhoneInventory.Get(phones[i]).IsVowel) continue;
            if (PhoneInventory.Stress(phones[i]) == 1) return i;
            if (first < 0) first = i;
        }
        return first;
    }
}
