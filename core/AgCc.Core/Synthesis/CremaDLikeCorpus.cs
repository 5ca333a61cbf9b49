using System.Globalization;
using System.Text;
using AgCc.Core.Corpora;

namespace AgCc.Core.Synthesis;

/// <summary>
/// A corpus modelled on CREMA-D: actors 1001… (about 53% male) each reading the twelve sentences
/// in six emotions, IEO also at low, medium and high intensity. The full design is 82 clips per
/// actor; the Paper preset takes all of it less 20 clips (7,442, as the real corpus), smaller
/// presets draw a subset per actor favouring the four task emotions (disgust and fear at a
/// a quarter of the share each). Crowd votes (voice, face, audio-visual) name the intended emotion
/// most of the time, more often for the audio-visual vote and for strong intensities.
/// </summary>
public sealed class CremaDLikeCorpus : SyntheticCorpus
{
    private static readonly (Emotion Emotion, string Code, char Vote)[] Emotions =
    [
        (Emotion.Anger, "ANG", 'A'), (Emotion.Disgust, "DIS", 'D'), (Emotion.Fear, "FEA", 'F'),
        (Emotion.Happiness, "HAP", 'H'), (Emotion.Neutral, "NEU", 'N'), (Emotion.Sadness, "SAD", 'S'),
    ];

    private readonly List<PlannedUtterance> _utterances = [];
    private readonly Dictionary<string, (char Vote, double Level)[]> _votes = new(StringComparer.Ordinal);

    public override IReadOnlyList<PlannedUtterance> Utterances => _utterances;

    public const string AudioFolder = "AudioWAV";
    public const string SummaryTable = "processedResults/summaryTable.csv";

    public CremaDLikeCorpus(SynthesisSizes sizes, int seed) : base(CorpusProfile.CremaD(sizes, seed), seed)
    {
        var rng = new Prng(Prng.Derive(seed, Name, "plan"));
        var actors = Actors(sizes.CremaActors, ref rng);
        var designPerActor = actors.Select(a => Design(a.Id)).ToList();
        var chosen = new List<(SpeakerProfile Actor, Clip Clip)>();
        var full = designPerActor.Sum(d => d.Count);
        if (sizes.CremaUtterances >= full - sizes.CremaActors)
        {
            // The whole design, less a few clips (the real corpus misses 20).
            for (var a = 0; a < actors.Count; a++) chosen.AddRange(designPerActor[a].Select(c => (actors[a], c)));
            rng.Shuffle(chosen);
            // Drop as the real corpus does: of its 20 missing clips, 5 are neutral and 3 of each other emotion.
            var missing = Math.Max(0, full - sizes.CremaUtterances);
            var drop = missing;
            foreach (var (emotion, _, _) in Emotions)
            {
                var quota = (int)Math.Round(missing * (emotion == Emotion.Neutral ? 5 : 3) / 20.0);
                for (var i = chosen.Count - 1; i >= 0 && quota > 0 && drop > 0; i--)
                {
                    if (chosen[i].Clip.Emotion != emotion) continue;
                    chosen.RemoveAt(i);
                    quota--;
                    drop--;
                }
            }
            if (drop > 0) chosen.RemoveRange(0, Math.Min(drop, chosen.Count));
        }
        else
        {
            // Emotions interleaved in exact proportion (smooth weighted round robin), so every
            // actor gets a near-proportional mix and the corpus totals are balanced.
            var weights = Emotions.Select(e => e.Emotion is Emotion.Disgust or Emotion.Fear ? 0.25 : 1.0).ToArray();
            var current = new double[weights.Length];
            for (var a = 0; a < actors.Count; a++)
            {
                var count = sizes.CremaUtterances / actors.Count + (a < sizes.CremaUtterances % actors.Count ? 1 : 0);
                var pool = designPerActor[a].ToList();
                for (var i = 0; i < count && pool.Count > 0; i++)
                {
                    var e = 0;
                    for (var k = 0; k < weights.Length; k++)
                    {
                        current[k] += weights[k];
                        if (current[k] > current[e]) e = k;
                    }
                    current[e] -= weights.Sum();
                    var candidates = pool.Where(c => c.Emotion == Emotions[e].Emotion).ToList();
                    if (candidates.Count == 0) candidates = pool;
                    var clip = candidates[rng.Pick(candidates.Select(c => c.Weight).ToArray())];
                    chosen.Add((actors[a], clip));
                    pool.Remove(clip);
                }
            }
        }

        foreach (var (actor, clip) in chosen.OrderBy(c => c.Clip.Id, StringComparer.Ordinal))
        {
            var sentence = SentenceBank.CremaD.First(s => s.Code == clip.Sentence);
            var intensity = clip.Intensity switch { "LO" => 0.55, "MD" => 0.9, "HI" => 1.3, _ => 1.0 };
            _utterances.Add(new PlannedUtterance(
                clip.Id,
                Path.Combine(AudioFolder, clip.Id + ".wav"),
                actor,
                clip.Emotion,
                intensity * actor.Expressiveness * Profile.Expressiveness,
                sentence.Words,
                clip.Emotion));
            var intended = Emotions.First(e => e.Emotion == clip.Emotion).Vote;
            // Recognition rates rise from voice to face to audio-visual, and with intensity.
            var strength = clip.Emotion == Emotion.Neutral ? 1.0 : intensity;
            _votes[clip.Id] =
            [
                Vote(intended, 0.62 + 0.12 * strength, strength, ref rng),
                Vote(intended, 0.72 + 0.1 * strength, strength, ref rng),
                Vote(intended, 0.78 + 0.1 * strength, strength, ref rng),
            ];
        }
    }

    /// <param name="Weight">Chance within its emotion: IEO's three intensities share one sentence's weight.</param>
    private sealed record Clip(string Id, string Sentence, Emotion Emotion, string Intensity, double Weight);

    private List<SpeakerProfile> Actors(int count, ref Prng rng)
    {
        // CREMA-D: 48 male and 43 female actors.
        var female = Enumerable.Range(0, count).Select(i => i < (int)Math.Round(count * 43 / 91.0)).ToList();
        rng.Shuffle(female);
        return Enumerable.Range(0, count)
            .Select(i => (1001 + i).ToString(CultureInfo.InvariantCulture))
            .Select((id, i) => SpeakerProfile.Create(id, female[i], Prng.Derive(Seed, Name, "speaker", id)))
            .ToList();
    }

    private static List<Clip> Design(string actor)
    {
        var clips = new List<Clip>();
        foreach (var sentence in SentenceBank.CremaD)
        {
            foreach (var (emotion, code, _) in Emotions)
            {
                if (sentence.Code == "IEO" && emotion != Emotion.Neutral)
                {
                    foreach (var level in (string[])["LO", "MD", "HI"])
                        clips.Add(new Clip($"{actor}_IEO_{code}_{level}", "IEO", emotion, level, 1.0 / 3));
                }
                else
                {
                    clips.Add(new Clip($"{actor}_{sentence.Code}_{code}_XX", sentence.Code, emotion, "XX", 1.0));
                }
            }
        }
        return clips;
    }

    /// <summary>A crowd vote: the intended letter with probability p, else another (neutral likeliest); a mean level 0–100.</summary>
    private static (char, double) Vote(char intended, double p, double strength, ref Prng rng)
    {
        var vote = intended;
        if (!rng.Chance(Math.Min(0.97, p)))
        {
            ReadOnlySpan<char> letters = ['A', 'D', 'F', 'H', 'N', 'S'];
            Span<double> weights = [1, 1, 1, 1, 2.5, 1];
            weights[letters.IndexOf(intended)] = 0;
            vote = letters[rng.Pick(weights)];
        }
        var level = vote == intended
            ? rng.Gaussian(35 + 28 * strength, 10, 0, 100)
            : rng.Gaussian(40, 12, 0, 100);
        return (vote, Math.Round(level, 2));
    }

    /// <summary>`processedResults/summaryTable.csv`: `,FileName,VoiceVote,VoiceLevel,FaceVote,FaceLevel,MultiModalVote,MultiModalLevel`.</summary>
    public override void WriteLabels(string root)
    {
        var path = Path.Combine(root, SummaryTable);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new StringBuilder(",FileName,VoiceVote,VoiceLevel,FaceVote,FaceLevel,MultiModalVote,MultiModalLevel\n");
        var row = 1;
        foreach (var u in _utterances)
        {
            var v = _votes[u.Id];
            text.Append(CultureInfo.InvariantCulture,
                $"{row++},{u.Id},{v[0].Vote},{v[0].Level:F2},{v[1].Vote},{v[1].Level:F2},{v[2].Vote},{v[2].Level:F2}\n");
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }
}
